/**
 * Preloaded into processes the benchmark spawns (`node --require dist/bench-cpu-reporter.js ...`):
 * writes the process's CPU time (user + system, all threads) to $CPU_REPORT_FILE when it exits.
 * On a machine shared with other work, wall time measures the queue for the CPUs as much as the
 * work; CPU time measures the work.
 */
import * as fs from 'node:fs';

const file = process.env['CPU_REPORT_FILE'];
if (file) {
	process.on('exit', () => {
		const usage = process.cpuUsage();
		fs.writeFileSync(file, String((usage.user + usage.system) / 1000));
	});
}
