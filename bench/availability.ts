// `npm run bench:availability`: does asking for a facility's availability stay fast as bookings pile up?
//
// On a fresh embedded PostgreSQL (or DATABASE_URL), one park with 500 facilities, open around the
// clock. Phase 1: 1,000 bookings in the coming 30 days. The real service, `availability()`, is
// asked for every facility's next 30 days (500 calls, after a warm-up round); p50/p95/max are
// recorded. Phase 2: 99,000 more bookings are added — the park's history of the past three years
// plus a few further ahead, as a table grows in real use — and the same 500 calls are measured
// again. Target: p95 at 100k ≤ 1.5 × p95 at 1k. Both phases run in this one process.
//
// Options: --rounds <n> (measured rounds per phase, default 3).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';

const { values: opts } = parseArgs({ options: { rounds: { type: 'string', default: '3' } } });
const rounds = Number(opts.rounds);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'taman-bench-avail-'));
process.env.TAMAN_DATA_DIR = dataDir;
process.env.LOG_LEVEL = 'warn';

const { openDatabase } = await import('../src/lib/server/db/open.ts');
const { db } = await import('../src/lib/server/db/client.ts');
const { availability } = await import('../src/lib/server/facilities/booking.service.ts');
const { site, resource, booking } = await import('../src/lib/server/db/schema.ts');
const { anonymous } = await import('../src/lib/server/auth/actor.ts');
const { user } = await import('../src/lib/server/auth/schema.ts');

const opened = await openDatabase({ mode: 'own' });
try {
	const [park] = await db()
		.insert(site)
		.values({ slug: 'bench-park', name: 'Bench Technopark', kind: 'technopark', timeZone: 'Asia/Jakarta', provinceCode: '32', regencyCode: '32.77', address: '', description: '', offers: [], openingHours: {} })
		.returning();
	await db().insert(user).values({ id: 'bench-user', name: 'Bench', email: 'bench@taman.test', emailVerified: true });
	const ids = (
		await db()
			.insert(resource)
			.values(Array.from({ length: 500 }, (_, i) => ({ siteId: park!.id, slug: `node-${i}`, name: `Render node ${i}`, kind: 'render_node' as const, class: 'compute' as const, alwaysOpen: true, slotMinutes: 60, minMinutes: 60 })))
			.returning({ id: resource.id })
	).map((r) => r.id);

	/**
	 * `n` one-hour bookings spread over [fromDays, toDays) from today, round-robin over the 500
	 * facilities, each on its own hour so exclusive bookings never overlap.
	 */
	async function addBookings(n: number, fromDays: number, toDays: number, offset: number) {
		const hours = (toDays - fromDays) * 24;
		await db().execute(sql`
			INSERT INTO ${booking} (resource_id, site_id, user_id, title, starts_at, ends_at, held, exclusive, status)
			SELECT r.ids[1 + (g % 500)], ${park!.id}::uuid, 'bench-user', '',
				date_trunc('day', now()) + make_interval(days => ${fromDays}) + make_interval(hours => ((g + ${offset}) / 500) % ${hours}),
				date_trunc('day', now()) + make_interval(days => ${fromDays}) + make_interval(hours => ((g + ${offset}) / 500) % ${hours} + 1),
				tstzrange(date_trunc('day', now()) + make_interval(days => ${fromDays}) + make_interval(hours => ((g + ${offset}) / 500) % ${hours}),
					date_trunc('day', now()) + make_interval(days => ${fromDays}) + make_interval(hours => ((g + ${offset}) / 500) % ${hours} + 1)),
				true, 'confirmed'
			FROM generate_series(0, ${n - 1}) g, (SELECT ${sql.raw(`ARRAY[${ids.map((id) => `'${id}'::uuid`).join(',')}]`)} AS ids) r`);
		await db().execute(sql`ANALYZE booking`);
	}

	const today = new Date().toISOString().slice(0, 10);
	const in30 = new Date(Date.now() + 29 * 86_400_000).toISOString().slice(0, 10);
	async function measure(label: string) {
		for (const id of ids) await availability(anonymous, id, { from: today, to: in30 }); // warm-up
		const times: number[] = [];
		for (let r = 0; r < rounds; r++)
			for (const id of ids) {
				const t = performance.now();
				await availability(anonymous, id, { from: today, to: in30 });
				times.push(performance.now() - t);
			}
		times.sort((a, b) => a - b);
		const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
		const [{ n }] = (await db().execute(sql`SELECT count(*)::int AS n FROM booking`)).rows as { n: number }[];
		console.log(`${label}: ${n} bookings, ${times.length} calls: p50 ${q(0.5).toFixed(2)} ms, p95 ${q(0.95).toFixed(2)} ms, max ${times[times.length - 1]!.toFixed(2)} ms`);
		return { n, p50: q(0.5), p95: q(0.95) };
	}

	await addBookings(1000, 0, 30, 0);
	const small = await measure('1k');
	await addBookings(95_000, -3 * 365, 0, 0); // three years of history
	await addBookings(4_000, 30, 395, 0); // and some bookings further ahead than the window
	const large = await measure('100k');
	const ratio = large.p95 / small.p95;
	const row = `| Availability of one facility for 30 days (500 facilities × ${rounds} rounds), p95 ms | ${small.p95.toFixed(2)} at ${small.n} bookings | ${large.p95.toFixed(2)} at ${large.n} bookings | ${ratio.toFixed(2)}× | ≤ 1.5× | ${ratio <= 1.5 ? 'yes' : '**no**'} |`;
	console.log(`\n| Figure | 1k | 100k | Ratio | Target | Met |\n|---|---:|---:|---:|---|---|\n${row}`);
} finally {
	await opened.close();
	fs.rmSync(dataDir, { recursive: true, force: true });
}
