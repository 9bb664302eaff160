// Shared by the benchmarks that run the built server.
import fs from 'node:fs';
import path from 'node:path';
import { newest } from '../scripts/newest.js';

/** The repository's root. */
export const root = path.resolve(import.meta.dirname, '..');

/**
 * Stop unless build/ is newer than the sources: a stale build/cli/main.js makes `taman start` fall
 * back to tsx, which alone costs ~40 MB more and would be measured instead of what `npm start` runs.
 */
export function requireCurrentBuild() {
	const cli = path.join(root, 'build/cli/main.js');
	const sourcesChanged = Math.max(...['src', 'messages'].map((d) => newest(path.join(root, d))));
	if (!fs.existsSync(path.join(root, 'build/handler.js')) || !fs.existsSync(cli) || fs.statSync(cli).mtimeMs < sourcesChanged) {
		console.error('No current build: run `npm run build` first.');
		process.exit(1);
	}
}

/**
 * `taman start` from the build on its own port and data folder, with the demo data; resolves when
 * it is ready. `sql(text, values)` runs against its embedded database; `stop()` ends it and
 * removes the folder.
 */
export async function startTaman(port, name) {
	const { spawn } = await import('node:child_process');
	const os = await import('node:os');
	const { default: pg } = await import('pg');
	const base = `http://127.0.0.1:${port}`;
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `taman-bench-${name}-`));
	const taman = spawn(process.execPath, ['bin/taman.js', 'start'], {
		cwd: root,
		env: { ...process.env, PORT: String(port), ORIGIN: base, TAMAN_DATA_DIR: dataDir, TAMAN_DEMO: '1', LOG_LEVEL: 'warn', DATABASE_URL: '', NODE_ENV: 'production' },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	process.on('exit', () => taman.exitCode === null && taman.kill('SIGTERM'));
	for (let i = 0; ; i++) {
		if (taman.exitCode !== null) throw new Error(`taman exited (${taman.exitCode})`);
		if (i > 600) throw new Error('taman did not come up');
		if (await fetch(`${base}/readyz`).then((r) => r.ok, () => false)) break;
		await new Promise((r) => setTimeout(r, 200));
	}
	const state = JSON.parse(fs.readFileSync(path.join(dataDir, 'embedded.json'), 'utf8'));
	const client = new pg.Client({ connectionString: `postgres://postgres:${encodeURIComponent(state.password)}@127.0.0.1:${state.port}/taman` });
	await client.connect();
	return {
		base,
		sql: async (text, values) => (await client.query(text, values)).rows,
		async stop() {
			await client.end().catch(() => {});
			taman.kill('SIGTERM');
			await new Promise((r) => taman.once('exit', r));
			fs.rmSync(dataDir, { recursive: true, force: true });
		}
	};
}

/** A session cookie for a demo account, through the sign-in form. */
export async function signInCookie(base, email) {
	const res = await fetch(`${base}/signin?/signin`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ email, password: 'taman-demo-2026' })
	});
	const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
	if (!cookie.includes('session')) throw new Error(`sign-in failed: ${res.status}`);
	return cookie;
}

/**
 * Load each page with autocannon (2 s warm-up, then `duration` s), one after another on the same
 * server; the first is the baseline. Prints and writes bench/results/{name}.md, a table of mean
 * latency ratios against the baseline with the target `max`.
 */
export async function compare({ base, cookie, pages, duration, connections, name, heading, max }) {
	const { default: autocannon } = await import('autocannon');
	const os = await import('node:os');
	const run = (p, seconds) =>
		new Promise((resolve, reject) =>
			autocannon({ url: base + p, connections, duration: seconds, headers: { cookie } }, (err, r) => (err ? reject(err) : r.non2xx || r.errors ? reject(new Error(`${p}: ${r.non2xx} non-2xx, ${r.errors} errors`)) : resolve(r)))
		);
	const results = [];
	for (const [label, p] of pages) {
		await run(p, 2);
		const r = await run(p, duration);
		results.push({ label, rps: r.requests.average, mean: r.latency.average, p99: r.latency.p99, kb: r.throughput.average / r.requests.average / 1024 });
		console.log(`${label}: ${r.requests.average.toFixed(1)} req/s, mean ${r.latency.average.toFixed(0)} ms, p99 ${r.latency.p99} ms`);
	}
	const [first] = results;
	const lines = [
		`Run on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus().length} cores, \`npm run bench:${name} -- --duration ${duration} --connections ${connections}\`.`,
		'',
		`| ${heading} | req/s | mean ms | p99 ms | KB/page | Ratio to baseline (mean latency) | Target | Met |`,
		'|---|---:|---:|---:|---:|---:|---|---|',
		...results.map((r) => {
			const ratio = r.mean / first.mean;
			return `| ${r.label} | ${r.rps.toFixed(1)} | ${r.mean.toFixed(0)} | ${r.p99} | ${r.kb.toFixed(0)} | ${ratio.toFixed(2)}× | ${r === first ? '—' : `≤ ${max}×`} | ${r === first ? '' : ratio <= max ? 'yes' : '**no**'} |`;
		})
	];
	console.log('\n' + lines.join('\n'));
	fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true });
	fs.writeFileSync(path.join(root, `bench/results/${name}.md`), lines.join('\n') + '\n');
}
