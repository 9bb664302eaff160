#!/usr/bin/env node
// `npm run build && npm run bench:kpi`: is a cohort's KPI dashboard as quick to serve as the plain
// list of the same cohort?
//
// A real `taman start` (embedded PostgreSQL, demo data). Next to the demo, one programme at Cimahi
// Techno Park that began 24 months ago gets a cohort of 100 startups, each with 24 monthly KPI
// reports (the six standard measures). Signed in as the park's staff (staf.cimahi), autocannon
// loads, in the same run and on the same server:
//   baseline — the cohort page, listing the 100 startups with their milestone progress;
//   measured — the KPI dashboard: 100 × 24 report states, completion and the cohort's totals per
//              month as charts.
// Both pages must link all 100 startups' plans before anything is measured.
// Target: mean latency of the dashboard ≤ 2 × that of the cohort page.
//
// Options: --duration <s> (default 10), --connections <n> (default 4).
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { compare, requireCurrentBuild, signInCookie, startTaman } from './build.js';

const { values: opts } = parseArgs({ options: { duration: { type: 'string', default: '10' }, connections: { type: 'string', default: '4' } } });
const duration = Number(opts.duration);
const connections = Number(opts.connections);
requireCurrentBuild();

const N = 100;
const MONTHS = 24;
const taman = await startTaman(3404, 'kpi');
const base = taman.base;

// 100 startups × 24 monthly reports, written straight into the database Taman is running on.
const one = async (text, values) => (await taman.sql(text, values))[0];
const siteId = (await one(`SELECT id FROM site WHERE slug = 'cimahi-techno-park'`)).id;
const prog = await one(
	`INSERT INTO programme (site_id, slug, name, kind, starts_on, ends_on)
	 VALUES ($1, 'bench-inkubasi', 'Inkubasi Bench', 'incubation', (date_trunc('month', now()) - make_interval(months => $2))::date, (date_trunc('month', now()) + interval '6 months')::date)
	 RETURNING id, slug, starts_on::text AS starts`,
	[siteId, MONTHS]
);
await taman.sql(
	`INSERT INTO organization (slug, name, kind) SELECT 'bench-startup-' || g, 'Startup Bench ' || lpad(g::text, 3, '0'), 'startup' FROM generate_series(1, $1) g`,
	[N]
);
await taman.sql(`INSERT INTO cohort_member (programme_id, organization_id, starts_on) SELECT $1, id, $2::date FROM organization WHERE slug LIKE 'bench-startup-%'`, [prog.id, prog.starts]);
await taman.sql(
	`INSERT INTO milestone (member_id, position, title, due_on, status)
	 SELECT c.id, p, 'Tonggak ' || p, $2::date + p * 90, CASE WHEN p < 3 THEN 'approved'::milestone_status ELSE 'open'::milestone_status END
	 FROM cohort_member c, generate_series(1, 4) p WHERE c.programme_id = $1`,
	[prog.id, prog.starts]
);
await taman.sql(
	`INSERT INTO kpi_report (member_id, period, values, submitted_at)
	 SELECT c.id, ($2::date + make_interval(months => m))::date,
	   jsonb_build_object('revenue', (1000000 + (hashtext(c.id::text || m) & 65535) * 100), 'paying_customers', m + 1, 'active_users', 100 * m, 'employees', 3 + m / 6, 'funding_raised', 0, 'products_shipped', m % 2),
	   ($2::date + make_interval(months => m + 1, days => 5))::timestamptz
	 FROM cohort_member c, generate_series(0, $3 - 1) m WHERE c.programme_id = $1`,
	[prog.id, prog.starts, MONTHS]
);
await taman.sql('ANALYZE');

// Signed in as the park's staff, through the sign-in form.
const cookie = await signInCookie(base, 'staf.cimahi@taman.demo');

const programmePage = `/sites/cimahi-techno-park/programmes/${prog.slug}`;
const pages = [
	['Cohort page, 100 startups (baseline)', `${programmePage}/cohort`],
	['KPI dashboard, 100 startups × 24 months', `${programmePage}/kpi`]
];
if (process.env.BENCH_KPI_API) pages.push(['KPI dashboard as JSON (API)', `/api/v1/programmes/${prog.id}/kpi`], ['Cohort as JSON (API)', `/api/v1/programmes/${prog.id}/cohort`]);
// Each page must link every startup's plan; the dashboard must show all 24 months.
for (const [name, p] of pages.filter(([, p]) => !p.startsWith('/api'))) {
	const res = await fetch(base + p, { headers: { cookie } });
	const html = await res.text();
	const rows = new Set(html.match(/href="[^"]*\/cohort\/bench-startup-\d+"/g) ?? []).size;
	if (res.status !== 200 || rows !== N) throw new Error(`${name}: status ${res.status}, ${rows} startups listed (expected ${N})`);
	if (p.endsWith('/kpi') && (html.match(/<abbr title=/g) ?? []).length !== MONTHS) throw new Error(`${name}: not ${MONTHS} months`);
	if (process.env.BENCH_KPI_DUMP) fs.writeFileSync(`/tmp/kpi-${p.split('/').pop()}.html`, html);
}


await compare({ base, cookie, pages, duration, connections, name: 'kpi', heading: 'Page', max: 2 });
await taman.stop();
process.exit(0);
