#!/usr/bin/env bash
# Installs what the end-to-end tests need and VS Code itself cannot be downloaded for here:
# Debian's Chromium and the build tools for code-server's native modules, then code-server
# 4.100.3 (VS Code 1.100.3, the newest that runs on Node 20) from the npm registry into a
# git-ignored cache. Idempotent: a second run finds everything in place and returns at once.
# See ../shared/reference/vscode-e2e.md for why each step is needed.
set -euo pipefail
cd "$(dirname "$0")/.."

CACHE="${CODE_SERVER_CACHE:-$PWD/.vscode-test/code-server}"
VERSION=4.100.3
ENTRY="$CACHE/node_modules/code-server/out/node/entry.js"
MARKER="$CACHE/.installed-$VERSION"

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v rg >/dev/null 2>&1 || need_apt+=(ripgrep)
for pkg in libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config; do
	dpkg -s "$pkg" >/dev/null 2>&1 || need_apt+=("$pkg")
done
if [ "${#need_apt[@]}" -gt 0 ]; then
	echo "== apt-get install ${need_apt[*]}"
	if [ "$(id -u)" -ne 0 ]; then
		echo "Installing Debian packages needs root: run 'sudo apt-get install ${need_apt[*]}'." >&2
		exit 1
	fi
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

if [ -f "$MARKER" ] && [ -f "$ENTRY" ]; then
	echo "== code-server $VERSION already installed in $CACHE"
	exit 0
fi

echo "== installing code-server $VERSION into $CACHE"
mkdir -p "$CACHE"
cd "$CACHE"
[ -f package.json ] || npm init -y >/dev/null
# Its postinstall would download ripgrep from GitHub, which is unreachable here: install in steps.
npm install --no-audit --no-fund --ignore-scripts "code-server@$VERSION" >/dev/null
npm_config_yes=true npm rebuild argon2 --build-from-source >/dev/null
cd node_modules/code-server/lib/vscode
npm install --no-audit --no-fund --omit=dev --ignore-scripts >/dev/null
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
npm_config_yes=true npm rebuild >/dev/null
ln -sfn node_modules node_modules.asar
(cd extensions && npm install --no-audit --no-fund --omit=dev --ignore-scripts >/dev/null)
cd "$CACHE"
node "$ENTRY" --version
touch "$MARKER"
