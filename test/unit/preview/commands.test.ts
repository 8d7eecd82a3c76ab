import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { chooseAuth, configTemplates, consumerCommands } from '../../../server/src/language/preview/consumerCommands';
import { shellComment, shellQuote } from '../../../shared/shellQuote';

const HOSTILE = [
	'my topic',
	"a'b",
	'$(rm -rf ~)',
	'`touch /tmp/pwned`',
	'line1\nline2',
	"''",
	'\\',
	'*',
	'~',
	'=x',
	'-rf',
	'a;b|c&d',
	'"quoted"',
	'${HOME}',
	'!!',
	'tab\there',
	'ünïcödé',
	'',
];

/** Runs `sh -c` and returns stdout. */
function sh(script: string, env: NodeJS.ProcessEnv = {}): string {
	const result = spawnSync('/bin/sh', ['-c', script], { encoding: 'utf8', env: { PATH: process.env['PATH'], ...env } });
	assert.equal(result.status, 0, result.stderr);
	return result.stdout;
}

/** The argument vector a shell builds from a command line (its program word replaced by printf). */
function argv(command: string, env: NodeJS.ProcessEnv = {}): string[] {
	const out = sh(command.replace(/^\S+/, "printf '%s\\0'"), env);
	return out.split('\0').slice(0, -1);
}

describe('shell quoting', () => {
	it('leaves plain words alone and single-quotes the rest', () => {
		assert.equal(shellQuote('order-events'), 'order-events');
		assert.equal(shellQuote('b-1.example.com:9098,b-2.example.com:9098'), 'b-1.example.com:9098,b-2.example.com:9098');
		assert.equal(shellQuote('my topic'), "'my topic'");
		assert.equal(shellQuote("a'b"), `'a'\\''b'`);
		assert.equal(shellQuote('$(rm -rf ~)'), "'$(rm -rf ~)'");
		assert.equal(shellQuote('`id`'), "'`id`'");
		assert.equal(shellQuote('a\nb'), "'a\nb'");
		assert.equal(shellQuote(''), "''");
		assert.equal(shellQuote('~'), "'~'");
		assert.equal(shellQuote('=x'), "'=x'");
	});

	it('gives every hostile string back unchanged through /bin/sh', () => {
		for (const text of HOSTILE) {
			assert.equal(sh(`printf %s ${shellQuote(text)}`), text, JSON.stringify(text));
		}
	});

	it('refuses a NUL character', () => {
		assert.throws(() => shellQuote('a\u0000b'), RangeError);
	});

	it('keeps comments on one line', () => {
		assert.equal(shellComment('x\nrm -rf ~\r\u2028'), 'x\\u000arm -rf ~\\u000d\\u2028');
		assert.equal(sh(`# ${shellComment('topic\necho BROKEN')}\necho ok`), 'ok\n');
	});
});

describe('consumer commands', () => {
	const brokers = 'b-1.orders.kafka.us-east-1.amazonaws.com:9096,b-2.orders.kafka.us-east-1.amazonaws.com:9096';

	it('writes kcat and kafka-console-consumer commands for a range', () => {
		const commands = consumerCommands(
			{ topic: 'order-events', partition: 3, first: 41n, last: 42n, firstTimestampMs: 1735689600000, lastTimestampMs: 1735689601000 },
			brokers,
			'sasl-scram-512',
		);
		assert.deepEqual(
			commands.map((c) => c.command),
			[
				`kcat -C -b ${brokers} -t order-events -p 3 -o 41 -c 2 -e -F kcat.properties`,
				`kcat -C -b ${brokers} -t order-events -p 3 -o 41 -c 2 -e -J -F kcat.properties`,
				`kcat -C -b ${brokers} -t order-events -p 3 -o s@1735689600000 -o e@1735689601001 -e -F kcat.properties`,
				`kafka-console-consumer.sh --bootstrap-server ${brokers} --topic order-events --partition 3 --offset 41 --max-messages 2 --property print.key=true --property print.offset=true --property print.timestamp=true --property print.headers=true --consumer.config client.properties`,
			],
		);
	});

	it('adds no config file for PLAINTEXT', () => {
		const plain = consumerCommands({ topic: 't', partition: 0, first: 0n, last: 0n }, 'k:9092', 'plaintext');
		assert.deepEqual(
			plain.map((c) => c.command),
			[
				'kcat -C -b k:9092 -t t -p 0 -o 0 -c 1 -e',
				'kcat -C -b k:9092 -t t -p 0 -o 0 -c 1 -e -J',
				'kafka-console-consumer.sh --bootstrap-server k:9092 --topic t --partition 0 --offset 0 --max-messages 1 --property print.key=true --property print.offset=true --property print.timestamp=true --property print.headers=true',
			],
		);
	});

	it('leads with kafka-console-consumer for MSK IAM and marks the kcat commands as unable to authenticate', () => {
		const iam = consumerCommands({ topic: 't', partition: 0, first: 0n, last: 0n, firstTimestampMs: 5, lastTimestampMs: 9 }, 'k:9098', 'msk-iam');
		const kcatNote =
			'kcat (librdkafka) has no AWS_MSK_IAM SASL mechanism, so this command cannot authenticate with IAM as written: use kafka-console-consumer above, or a SASL/OAUTHBEARER token helper.';
		assert.deepEqual(
			iam.map((c) => [c.label, c.command, c.note]),
			[
				[
					'kafka-console-consumer',
					'kafka-console-consumer.sh --bootstrap-server k:9098 --topic t --partition 0 --offset 0 --max-messages 1 --property print.key=true --property print.offset=true --property print.timestamp=true --property print.headers=true --consumer.config client.properties',
					'Needs the aws-msk-iam-auth jar on the classpath (export CLASSPATH=/path/to/aws-msk-iam-auth-all.jar).',
				],
				['kcat (cannot authenticate with IAM)', 'kcat -C -b k:9098 -t t -p 0 -o 0 -c 1 -e', kcatNote],
				['kcat, JSON envelope (cannot authenticate with IAM)', 'kcat -C -b k:9098 -t t -p 0 -o 0 -c 1 -e -J', kcatNote],
				[
					'kcat, by timestamp (cannot authenticate with IAM)',
					'kcat -C -b k:9098 -t t -p 0 -o s@5 -o e@10 -e',
					`${kcatNote} Reads every record of the partition timestamped in this window, which may include records that did not fail.`,
				],
			],
		);
		// Other auths keep kcat first, unmarked.
		assert.deepEqual(
			consumerCommands({ topic: 't', partition: 0, first: 0n, last: 0n }, 'k:9096', 'sasl-scram-512').map((c) => c.label),
			['kcat', 'kcat, JSON envelope', 'kafka-console-consumer'],
		);
	});

	it('keeps counts exact above 2^53 and warns when --max-messages cannot take them', () => {
		const [kcat, , console] = consumerCommands({ topic: 't', partition: 1, first: 0n, last: 9223372036854775806n }, 'k:9092', 'plaintext');
		assert.match(kcat.command, / -o 0 -c 9223372036854775807 -e$/);
		assert.match(console.command, / --max-messages 9223372036854775807 /);
		assert.match(console.note!, /--max-messages takes at most 2147483647/);
	});

	it('passes every topic name Kafka accepts through the shell unchanged', () => {
		for (const topic of ['Orders.v2_eu-1', '...', '-t', '_', 'x'.repeat(249)]) {
			const commands = consumerCommands({ topic, partition: 7, first: 5n, last: 9n, firstTimestampMs: 1000, lastTimestampMs: 2000 }, 'k:9092', 'plaintext');
			assert.deepEqual(argv(commands[0].command), ['-C', '-b', 'k:9092', '-t', topic, '-p', '7', '-o', '5', '-c', '5', '-e']);
			assert.deepEqual(argv(commands[2].command), ['-C', '-b', 'k:9092', '-t', topic, '-p', '7', '-o', 's@1000', '-o', 'e@2001', '-e']);
			assert.deepEqual(argv(commands[3].command).slice(0, 6), ['--bootstrap-server', 'k:9092', '--topic', topic, '--partition', '7']);
		}
	});

	it('never lets any hostile topic name out of its argument', () => {
		for (const topic of HOSTILE.filter((t) => t !== '')) {
			for (const command of consumerCommands({ topic, partition: 0, first: 1n, last: 1n }, 'k:9092', 'sasl-plain')) {
				assert.equal(argv(command.command)[command.tool === 'kcat' ? 4 : 3], topic, command.command);
			}
		}
	});

	it('uses $BOOTSTRAP_SERVERS when the record has no usable broker list', () => {
		for (const servers of ['...', undefined, 'a:1;rm -rf ~', "b:9092' x"]) {
			const [kcat] = consumerCommands({ topic: 't', partition: 0, first: 1n, last: 2n }, servers, 'plaintext');
			assert.equal(kcat.command, 'kcat -C -b "$BOOTSTRAP_SERVERS" -t t -p 0 -o 1 -c 2 -e');
			assert.match(kcat.note!, /set BOOTSTRAP_SERVERS/);
			assert.deepEqual(argv(kcat.command, { BOOTSTRAP_SERVERS: 'x:1,y:2' }).slice(0, 3), ['-C', '-b', 'x:1,y:2']);
		}
	});

	it('makes no command for a topic Kafka would reject (a shell could not carry NUL; the rest is never a real topic)', () => {
		assert.deepEqual(consumerCommands({ topic: 'a\u0000b', partition: 0, first: 1n, last: 1n }, 'k:9092', 'plaintext'), []);
		for (const topic of ['../../api/clusters', 'a/b', '%2e%2e%2f', '..', 'my topic', "a'b", '$(rm -rf ~)', '`reboot`', 'x\ny', 'x'.repeat(250)]) {
			assert.deepEqual(consumerCommands({ topic, partition: 0, first: 1n, last: 1n }, 'k:9092', 'plaintext'), [], topic);
		}
	});
});

describe('auth choice', () => {
	it('prefers the mapping, then MSK ports, then the setting', () => {
		assert.deepEqual(chooseAuth({ sourceAccessTypes: ['VPC_SUBNET', 'SASL_SCRAM_512_AUTH'], bootstrapServers: 'b:9098' }), {
			kind: 'sasl-scram-512',
			source: 'mapping',
			reason: 'The event source mapping authenticates with SASL_SCRAM_512_AUTH.',
		});
		assert.equal(chooseAuth({ sourceAccessTypes: ['CLIENT_CERTIFICATE_TLS_AUTH'] }).kind, 'mtls');
		assert.equal(chooseAuth({ sourceAccessTypes: ['BASIC_AUTH'] }).kind, 'sasl-plain');
		assert.equal(chooseAuth({ sourceAccessTypes: ['SASL_SCRAM_256_AUTH'] }).kind, 'sasl-scram-256');
		assert.deepEqual(
			['b:9098,c:9098', 'b:9096', 'b:9094', 'b:9092', 'b:9198'].map((s) => chooseAuth({ bootstrapServers: s }).kind),
			['msk-iam', 'sasl-scram-512', 'tls', 'plaintext', 'msk-iam'],
		);
		assert.equal(chooseAuth({ bootstrapServers: 'b:9098', sourceAccessTypes: ['VPC_SUBNET'] }).source, 'port');
		assert.deepEqual(chooseAuth({ bootstrapServers: 'b:9092,c:9098', defaultAuth: 'sasl-scram-256' }).kind, 'sasl-scram-256');
		assert.deepEqual(chooseAuth({ bootstrapServers: 'kafka:29092' }), {
			kind: 'plaintext',
			source: 'setting',
			reason: 'Neither the mapping nor the broker ports tell; using PLAINTEXT from the setting lambdaKafka.preview.defaultAuth.',
		});
	});
});

describe('client properties templates', () => {
	it('writes the MSK IAM template for kafka-console-consumer only', () => {
		const [template, ...rest] = configTemplates('msk-iam');
		assert.deepEqual(rest, []);
		assert.equal(template.fileName, 'client.properties');
		for (const line of [
			'security.protocol=SASL_SSL',
			'sasl.mechanism=AWS_MSK_IAM',
			'sasl.jaas.config=software.amazon.msk.auth.iam.IAMLoginModule required;',
			'sasl.client.callback.handler.class=software.amazon.msk.auth.iam.IAMClientCallbackHandler',
		]) {
			assert.ok(template.text.split('\n').includes(line), line);
		}
		assert.match(template.text, /kcat \(librdkafka\) has no native MSK IAM/);
	});

	it('uses placeholders, never secrets, and no group.id', () => {
		for (const auth of ['sasl-scram-512', 'sasl-scram-256', 'sasl-plain', 'tls', 'mtls', 'msk-iam'] as const) {
			for (const template of configTemplates(auth)) {
				assert.doesNotMatch(template.text, /^group\.id=/m);
				for (const match of template.text.matchAll(/(password|username)=("?)([^"\n;]*)/g)) {
					assert.match(match[3], /^<[a-z-]+>$/, `${auth}: ${match[0]}`);
				}
			}
		}
		const scram = configTemplates('sasl-scram-512').map((t) => t.text);
		assert.match(scram[0], /^sasl\.mechanism=SCRAM-SHA-512$/m);
		assert.match(scram[1], /^sasl\.mechanisms=SCRAM-SHA-512$/m);
		assert.match(configTemplates('mtls')[0].text, /^ssl\.keystore\.location=<path\/to\/keystore\.jks>$/m);
		assert.match(configTemplates('tls')[0].text, /^# ssl\.keystore\.location=/m);
		assert.deepEqual(configTemplates('plaintext'), []);
	});
});
