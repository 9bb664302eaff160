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
import { parseArgs } from 'node:util';
import { compare, requireCurrentBuild, signInCookie, startTaman } from './build.js';

const { values: opts } = parseArgs({ options: { duration: { type: 'string', default: '10' }, connections: { type: 'string', default: '4' } } });
const duration = Number(opts.duration);
const connections = Number(opts.connections);
requireCurrentBuild();

const N = 1000;
const REVIEWERS = 5;
const taman = await startTaman(3403, 'ranking');
const base = taman.base;

// 1,000 applications × 5 reviews, written straight into the database Taman is running on.
const one = async (text, values) => (await taman.sql(text, values))[0];
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
await taman.sql(`INSERT INTO "user" (id, name, email, email_verified) SELECT 'bench-rev-' || g, 'Penilai ' || g, 'penilai' || g || '@bench.test', true FROM generate_series(1, $1) g`, [REVIEWERS]);
await taman.sql(`INSERT INTO site_role (user_id, site_id, role) SELECT 'bench-rev-' || g, $1, 'reviewer' FROM generate_series(1, $2) g`, [siteId, REVIEWERS]);
await taman.sql(`INSERT INTO "user" (id, name, email, email_verified) SELECT 'bench-app-' || g, 'Pendiri ' || g, 'pendiri' || g || '@bench.test', true FROM generate_series(1, $1) g`, [N]);
await taman.sql(
	`INSERT INTO application (call_id, form_id, applicant_id, startup_name, status, kbli, subsector, province_code, regency_code, submitted_at, stage_id)
	 SELECT $1, $2, 'bench-app-' || g, 'Startup Bench ' || lpad(g::text, 4, '0'), 'submitted', '62019', 'app', '32', '32.77', now() - make_interval(mins => g), $3
	 FROM generate_series(1, $4) g`,
	[call.id, form.id, stage.id, N]
);
await taman.sql(
	`INSERT INTO review_assignment (application_id, stage_id, reviewer_id, scores, comment, total, submitted_at)
	 SELECT a.id, $1, 'bench-rev-' || r, '{"inovasi":3,"pasar":3,"tim":3}', 'Catatan', 20 + ((hashtext(a.id::text || r) & 65535) % 8000) / 100.0, now()
	 FROM application a, generate_series(1, $2) r WHERE a.stage_id = $1`,
	[stage.id, REVIEWERS]
);
await taman.sql('ANALYZE');

// Signed in as the park's staff, through the sign-in form.
const cookie = await signInCookie(base, 'staf.cimahi@taman.demo');

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


await compare({ base, cookie, pages, duration, connections, name: 'ranking', heading: 'Page (1,000 applications; ranking: × 5 reviews)', max: 2 });
await taman.stop();
process.exit(0);
