#!/usr/bin/env node
// `npm run build && npm run bench:ranking`: is a review stage's ranking page as quick to serve as
// the plain list of the same applications?
//
// A real `taman start` (embedded PostgreSQL, demo data). Next to the demo, one call at Cimahi
// Techno Park gets 1,000 submitted applications in one review stage, each with 5 submitted reviews
// (5 reviewers of the park). Signed in as the park's staff (staf.cimahi), autocannon loads, in the
// same run and on the same server:
//   baseline — the call's applications page showing all 1,000 (`?limit=1000`);
//   measured — the stage's ranking page (`/review?stage=`), every application with its 5 reviews,
//              mean, spread and rank; and the same with z-score normalisation (`&normalise=1`).
// Both pages must list the same 1,000 applications before anything is measured.
// Target: mean latency of each ranking page ≤ 2 × that of the list page.
//
// Options: --duration <s> (default 10), --connections <n> (default 4).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { requireCurrentBuild, root } from './build.js';

const { values: opts } = parseArgs({ options: { duration: { type: 'string', default: '10' }, connections: { type: 'string', default: '4' } } });
const duration = Number(opts.duration);
const connections = Number(opts.connections);
requireCurrentBuild();

const PORT = 3403;
const base = `http://127.0.0.1:${PORT}`;
const N = 1000;
const REVIEWERS = 5;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'taman-bench-ranking-'));
const taman = spawn(process.execPath, ['bin/taman.js', 'start'], {
	cwd: root,
	env: { ...process.env, PORT: String(PORT), ORIGIN: base, TAMAN_DATA_DIR: dataDir, TAMAN_DEMO: '1', LOG_LEVEL: 'warn', DATABASE_URL: '', NODE_ENV: 'production' },
	stdio: ['ignore', 'ignore', 'inherit']
});
process.on('exit', () => taman.exitCode === null && taman.kill('SIGTERM'));
for (let i = 0; ; i++) {
	if (taman.exitCode !== null) throw new Error(`taman exited (${taman.exitCode})`);
	if (i > 600) throw new Error('taman did not come up');
	if (await fetch(`${base}/readyz`).then((r) => r.ok, () => false)) break;
	await new Promise((r) => setTimeout(r, 200));
}

// 1,000 applications × 5 reviews, written straight into the database Taman is running on.
const state = JSON.parse(fs.readFileSync(path.join(dataDir, 'embedded.json'), 'utf8'));
const client = new pg.Client({ connectionString: `postgres://postgres:${encodeURIComponent(state.password)}@127.0.0.1:${state.port}/taman` });
await client.connect();
const one = async (text, values) => (await client.query(text, values)).rows[0];
const siteId = (await one(`SELECT id FROM site WHERE slug = 'cimahi-techno-park'`)).id;
const prog = await one(`INSERT INTO programme (site_id, slug, name, kind, starts_on, ends_on) VALUES ($1, 'bench-akselerasi', 'Akselerasi Bench', 'acceleration', '2027-03-01', '2027-08-31') RETURNING id, slug`, [siteId]);
const call = await one(`INSERT INTO programme_call (programme_id, title, opens_at, closes_at) VALUES ($1, 'Gelombang Bench', now() - interval '20 days', now() + interval '20 days') RETURNING id`, [prog.id]);
const form = await one(`INSERT INTO application_form (call_id, version, sections) VALUES ($1, 1, $2) RETURNING id`, [call.id, JSON.stringify([{ key: 'startup', title: { id: 'Tentang startup', en: 'About' }, description: { id: '', en: '' }, fields: [] }])]);
const criteria = [
	{ key: 'inovasi', name: 'Inovasi', description: '', weight: 3, scaleMax: 5 },
	{ key: 'pasar', name: 'Potensi pasar', description: '', weight: 2, scaleMax: 5 },
	{ key: 'tim', name: 'Kesiapan tim', description: '', weight: 2, scaleMax: 5 }
];
const stage = await one(`INSERT INTO review_stage (call_id, position, name, criteria, reviewers_per_application) VALUES ($1, 1, 'Penilaian proposal', $2, $3) RETURNING id`, [call.id, JSON.stringify(criteria), REVIEWERS]);
await client.query(`INSERT INTO "user" (id, name, email, email_verified) SELECT 'bench-rev-' || g, 'Penilai ' || g, 'penilai' || g || '@bench.test', true FROM generate_series(1, $1) g`, [REVIEWERS]);
await client.query(`INSERT INTO site_role (user_id, site_id, role) SELECT 'bench-rev-' || g, $1, 'reviewer' FROM generate_series(1, $2) g`, [siteId, REVIEWERS]);
await client.query(`INSERT INTO "user" (id, name, email, email_verified) SELECT 'bench-app-' || g, 'Pendiri ' || g, 'pendiri' || g || '@bench.test', true FROM generate_series(1, $1) g`, [N]);
await client.query(
	`INSERT INTO application (call_id, form_id, applicant_id, startup_name, status, kbli, subsector, province_code, regency_code, submitted_at, stage_id)
	 SELECT $1, $2, 'bench-app-' || g, 'Startup Bench ' || lpad(g::text, 4, '0'), 'submitted', '62019', 'app', '32', '32.77', now() - make_interval(mins => g), $3
	 FROM generate_series(1, $4) g`,
	[call.id, form.id, stage.id, N]
);
await client.query(
	`INSERT INTO review_assignment (application_id, stage_id, reviewer_id, scores, comment, total, submitted_at)
	 SELECT a.id, $1, 'bench-rev-' || r, '{"inovasi":3,"pasar":3,"tim":3}', 'Catatan', 20 + ((hashtext(a.id::text || r) & 65535) % 8000) / 100.0, now()
	 FROM application a, generate_series(1, $2) r WHERE a.stage_id = $1`,
	[stage.id, REVIEWERS]
);
await client.query('ANALYZE');
await client.end();

// Signed in as the park's staff, through the sign-in form.
const signin = await fetch(`${base}/signin?/signin`, {
	method: 'POST',
	redirect: 'manual',
	headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded' },
	body: new URLSearchParams({ email: 'staf.cimahi@taman.demo', password: 'taman-demo-2026' })
});
const cookie = signin.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
if (!cookie.includes('session')) throw new Error(`sign-in failed: ${signin.status}`);

const callPage = `/sites/cimahi-techno-park/programmes/${prog.slug}/calls/${call.id}`;
const pages = [
	['List of the applications (baseline)', `${callPage}/applications?limit=${N}`],
	['Ranking of the stage', `${callPage}/review?stage=${stage.id}`],
	['Ranking of the stage, z-score normalised', `${callPage}/review?stage=${stage.id}&normalise=1`]
];
// Each page must show every application (one row each, links to /applications/{id}).
for (const [name, p] of pages) {
	const res = await fetch(base + p, { headers: { cookie } });
	const html = await res.text();
	const rows = new Set(html.match(/href="\/applications\/[0-9a-f-]{36}"/g) ?? []).size;
	if (res.status !== 200 || rows !== N) throw new Error(`${name}: status ${res.status}, ${rows} applications listed (expected ${N})`);
}

const run = (p, seconds) =>
	new Promise((resolve, reject) =>
		autocannon({ url: base + p, connections, duration: seconds, headers: { cookie } }, (err, r) => (err ? reject(err) : r.non2xx || r.errors ? reject(new Error(`${p}: ${r.non2xx} non-2xx, ${r.errors} errors`)) : resolve(r)))
	);
const results = [];
for (const [name, p] of pages) {
	await run(p, 2);
	const r = await run(p, duration);
	results.push({ name, rps: r.requests.average, mean: r.latency.average, p99: r.latency.p99, kb: r.throughput.average / r.requests.average / 1024 });
	console.log(`${name}: ${r.requests.average.toFixed(1)} req/s, mean ${r.latency.average.toFixed(0)} ms, p99 ${r.latency.p99} ms`);
}
taman.kill('SIGTERM');
await new Promise((r) => taman.once('exit', r));
fs.rmSync(dataDir, { recursive: true, force: true });

const [list] = results;
const lines = [
	`Run on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus().length} cores, \`npm run bench:ranking -- --duration ${duration} --connections ${connections}\`.`,
	'',
	'| Page (1,000 applications; ranking: × 5 reviews) | req/s | mean ms | p99 ms | KB/page | Ratio to list (mean latency) | Target | Met |',
	'|---|---:|---:|---:|---:|---:|---|---|',
	...results.map((r) => {
		const ratio = r.mean / list.mean;
		return `| ${r.name} | ${r.rps.toFixed(1)} | ${r.mean.toFixed(0)} | ${r.p99} | ${r.kb.toFixed(0)} | ${ratio.toFixed(2)}× | ${r === list ? '—' : '≤ 2×'} | ${r === list ? '' : ratio <= 2 ? 'yes' : '**no**'} |`;
	})
];
console.log('\n' + lines.join('\n'));
fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true });
fs.writeFileSync(path.join(root, 'bench/results/ranking.md'), lines.join('\n') + '\n');
process.exit(0);
