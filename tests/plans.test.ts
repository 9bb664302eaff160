import { describe, it, expect, beforeAll } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { useTestDb } from './db.ts';
import { makeSite, makeUser, makeResource, countRows, refusal } from './factories.ts';
import { db } from '../src/lib/server/db/client.ts';
import { booking, ledgerEntry } from '../src/lib/server/facilities/schema.ts';
import { createPlan, addPlanMember, statement, findPlans, allowancesFor } from '../src/lib/server/facilities/plan.service.ts';
import { createBooking, cancelBooking, declineBooking } from '../src/lib/server/facilities/booking.service.ts';
import { createOrg } from '../src/lib/server/directory/org.service.ts';
import { AppError } from '../src/lib/server/platform/errors.ts';
import type { UserActor } from '../src/lib/server/auth/actor.ts';

useTestDb();


/** A day of December 2026 (or another month, 0-based) at `h` o'clock WIB; h may be 10.5. */
const at = (day: number, h: number, month = 11) => new Date(Date.UTC(2026, month, day, 0, (h - 7) * 60));
const NOW = new Date('2026-11-30T00:00:00Z');

describe('plans, allowances and the ledger', () => {
	let park: { id: string; slug: string };
	let staff: UserActor;
	let founder: UserActor;
	let orgId: string;
	let orgSlug: string;
	const rooms: string[] = [];

	beforeAll(async () => {
		park = await makeSite({ name: 'Coding Factory KEK Singhasari', timeZone: 'Asia/Jakarta' });
		staff = await makeUser('site_staff', park.id);
		founder = await makeUser('member', park.id);
		const org = await createOrg(founder, { name: 'Kopi Kode', slug: `kopi-kode-${Math.random().toString(36).slice(2, 8)}`, kind: 'startup' });
		orgId = org.id;
		orgSlug = org.slug;
		for (let i = 0; i < 12; i++) rooms.push((await makeResource(park.id, { name: `Ruang Rapat ${i + 1}`, kind: 'meeting_room', alwaysOpen: true, slotMinutes: 30, minMinutes: 30, maxDaysAhead: 365 })).id);
		const p = await createPlan(staff, park.slug, { name: 'Inkubasi Tahap 1', allowances: [{ name: 'Ruang rapat', kinds: ['meeting_room'], amount: 3 }, { name: 'Studio', kinds: ['studio_animation', 'studio_film'], amount: 10 }] });
		await addPlanMember(staff, p.id, { organizationId: orgId, startsOn: '2026-11-01' });
	});

	const book = (room: number, day: number, from: number, to: number, org = true, month = 11) =>
		createBooking(founder, { resourceId: rooms[room]!, startsAt: at(day, from, month).toISOString(), endsAt: at(day, to, month).toISOString(), ...(org ? { organizationId: orgId } : {}) }, NOW);

	it('bookings for the organisation use its hours; beyond them the booking is refused and nothing is written', async () => {
		await book(0, 7, 9, 10.5);
		const before = { bookings: await countRows(booking), ledger: await countRows(ledgerEntry) };
		const refused = await refusal(book(1, 8, 9, 11));
		expect(refused.code).toBe('CONFLICT');
		expect(refused.key).toBe('err_quota_exceeded');
		expect(refused.params).toMatchObject({ allowance: 'Ruang rapat', remaining: 1.5, month: '2026-12' });
		expect(await countRows(booking)).toBe(before.bookings);
		expect(await countRows(ledgerEntry)).toBe(before.ledger);
		// A booking made for oneself, not the organisation, uses no allowance.
		await book(1, 8, 9, 11, false);
		expect(await countRows(ledgerEntry)).toBe(before.ledger);
		// November has its own allowance; December's last 1.5 hours fit exactly, then nothing does.
		await book(2, 30, 9, 11, true, 10);
		await book(2, 9, 9, 10.5);
		expect((await refusal(book(3, 9, 10.5, 11))).params.remaining).toBe(0);
	});

	it('cancelling before the start gives the hours back; the statement reconciles to the bookings', async () => {
		const s0 = await statement(founder, orgSlug, { site: park.slug, month: '2026-12' });
		expect(s0.plan).toBe('Inkubasi Tahap 1');
		const rooms0 = s0.allowances.find((a) => a.name === 'Ruang rapat')!;
		expect(rooms0).toMatchObject({ unit: 'hours', granted: 3, used: 3, remaining: 0 });
		const first = s0.lines.find((l) => l.kind === 'debit')!;
		await cancelBooking(founder, first.bookingId!, {}, NOW);
		const s1 = await statement(founder, orgSlug, { site: park.slug, month: '2026-12' });
		expect(s1.allowances.find((a) => a.name === 'Ruang rapat')).toMatchObject({ used: 3, refunded: 1.5, remaining: 1.5 });
		// The booking form tells the founder the same before they book.
		expect(await allowancesFor(founder, { siteId: park.id, kind: 'meeting_room', creditsPerHour: 0 }, 'Asia/Jakarta', at(1, 9))).toEqual([
			{ orgId, orgName: 'Kopi Kode', allowance: 'Ruang rapat', unit: 'hours', granted: 3, remaining: 1.5, allowOverage: false, month: '2026-12' }
		]);
		expect(await allowancesFor(founder, { siteId: park.id, kind: 'hall', creditsPerHour: 0 }, 'Asia/Jakarta', at(1, 9))).toEqual([]);
		expect(await allowancesFor(staff, { siteId: park.id, kind: 'meeting_room', creditsPerHour: 0 }, 'Asia/Jakarta', at(1, 9))).toEqual([]);
		expect(s1.lines.at(-1)).toMatchObject({ kind: 'refund', unit: 'hours', amount: -1.5, bookingId: first.bookingId, bookingStatus: 'cancelled' });
		// Reconciliation: per booking, the ledger's net equals the booked hours of bookings that
		// still hold their slot, and zero for cancelled ones.
		const rows = (
			await db().execute(sql`
				SELECT b.id, b.status, extract(epoch FROM b.ends_at - b.starts_at)::int / 60 AS minutes, sum(l.amount)::int AS net
				FROM ledger_entry l JOIN booking b ON b.id = l.booking_id WHERE l.org_id = ${orgId} GROUP BY b.id`)
		).rows as { status: string; minutes: number; net: number }[];
		expect(rows.length).toBeGreaterThan(1);
		for (const r of rows) expect(r.net).toBe(r.status === 'cancelled' ? 0 : r.minutes);
		// Now an hour fits again.
		await book(4, 10, 9, 10);
	});

	it('twelve bookings racing for the last hour: exactly the hours left are taken', async () => {
		const p = await createPlan(staff, park.slug, { name: 'Balapan', allowances: [{ name: 'Ruang', kinds: ['meeting_room'], amount: 3 }] });
		const racer = await makeUser('member', park.id);
		const org = await createOrg(racer, { name: 'Balap Studio', slug: `balap-${Math.random().toString(36).slice(2, 8)}`, kind: 'studio' });
		await addPlanMember(staff, p.id, { organizationId: org.id, startsOn: '2026-11-01' });
		const results = await Promise.allSettled(rooms.map((r) => createBooking(racer, { resourceId: r, startsAt: at(21, 13).toISOString(), endsAt: at(21, 14).toISOString(), organizationId: org.id }, NOW)));
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
		for (const r of results) if (r.status === 'rejected') expect((r.reason as AppError).key).toBe('err_quota_exceeded');
		const [{ used }] = (await db().execute(sql`SELECT sum(amount)::int AS used FROM ledger_entry WHERE org_id = ${org.id}`)).rows as { used: number }[];
		expect(used).toBe(180);
	});

	it('a plan with overage allows the booking and records what went over', async () => {
		const p = await createPlan(staff, park.slug, { name: 'Akselerasi', allowOverage: true, allowances: [{ name: 'Ruang', kinds: ['meeting_room'], amount: 1 }] });
		const lead = await makeUser('member', park.id);
		const org = await createOrg(lead, { name: 'Lebih Studio', slug: `lebih-${Math.random().toString(36).slice(2, 8)}`, kind: 'studio' });
		await addPlanMember(staff, p.id, { organizationId: org.id, startsOn: '2026-12-01', endsOn: '2026-12-31' });
		await createBooking(lead, { resourceId: rooms[5]!, startsAt: at(14, 9).toISOString(), endsAt: at(14, 11).toISOString(), organizationId: org.id }, NOW);
		const s = await statement(staff, org.slug, { site: park.slug, month: '2026-12' });
		expect(s.allowances[0]).toMatchObject({ used: 1, overage: 1, remaining: 0 });
		expect(await allowancesFor(lead, { siteId: park.id, kind: 'meeting_room', creditsPerHour: 0 }, 'Asia/Jakarta', at(14, 8))).toMatchObject([{ orgName: 'Lebih Studio', granted: 1, remaining: 0, allowOverage: true }]);
		// Before its plan starts the organisation has no allowance to show.
		expect(await allowancesFor(lead, { siteId: park.id, kind: 'meeting_room', creditsPerHour: 0 }, 'Asia/Jakarta', at(20, 9, 10))).toEqual([]);
		expect(s.lines.map((l) => [l.kind, l.amount])).toEqual([['debit', 1], ['overage', 1]]);
	});

	it('a declined request gives its hours back', async () => {
		const hall = (await makeResource(park.id, { kind: 'meeting_room', name: 'Ruang Direksi', approvalRequired: true, alwaysOpen: true, maxDaysAhead: 365 })).id;
		const p = await createPlan(staff, park.slug, { name: 'Pra-inkubasi', allowances: [{ name: 'Ruang', kinds: ['meeting_room'], amount: 2 }] });
		const lead = await makeUser('member', park.id);
		const org = await createOrg(lead, { name: 'Tolak Studio', slug: `tolak-${Math.random().toString(36).slice(2, 8)}`, kind: 'studio' });
		await addPlanMember(staff, p.id, { organizationId: org.id, startsOn: '2026-11-01' });
		const res = await createBooking(lead, { resourceId: hall, startsAt: at(15, 9).toISOString(), endsAt: at(15, 11).toISOString(), organizationId: org.id }, NOW);
		expect(res.status).toBe('pending');
		await declineBooking(staff, res.bookings[0]!.id, { reason: 'Ruang dipakai rapat Pemkot' });
		expect((await statement(lead, org.slug, { site: park.slug, month: '2026-12' })).allowances[0]).toMatchObject({ used: 2, refunded: 2, remaining: 2 });
	});

	it('a credits allowance is charged at the facility\'s credits per hour, rounded up; free facilities cost nothing', async () => {
		const node = (await makeResource(park.id, { kind: 'render_node', class: 'compute', name: 'Render Node GPU 07', creditsPerHour: 3, alwaysOpen: true, maxDaysAhead: 365 })).id;
		const free = (await makeResource(park.id, { kind: 'gpu_workstation', class: 'compute', name: 'Workstation Pelatihan', creditsPerHour: 0, alwaysOpen: true, maxDaysAhead: 365 })).id;
		const p = await createPlan(staff, park.slug, { name: 'Render', allowances: [{ name: 'Render farm', kinds: ['render_node', 'gpu_workstation'], unit: 'credits', amount: 10 }] });
		expect(p.allowances).toMatchObject([{ name: 'Render farm', unit: 'credits', amount: 10 }]);
		const lead = await makeUser('member', park.id);
		const org = await createOrg(lead, { name: 'Arunika Animasi', slug: `arunika-${Math.random().toString(36).slice(2, 8)}`, kind: 'studio' });
		await addPlanMember(staff, p.id, { organizationId: org.id, startsOn: '2026-11-01' });
		const render = (id: string, day: number, from: number, to: number) => createBooking(lead, { resourceId: id, startsAt: at(day, from).toISOString(), endsAt: at(day, to).toISOString(), organizationId: org.id }, NOW);
		// The form shows the credits left for the node, and nothing for the facility that costs none.
		expect(await allowancesFor(lead, { siteId: park.id, kind: 'render_node', creditsPerHour: 3 }, 'Asia/Jakarta', at(1, 9))).toMatchObject([{ allowance: 'Render farm', unit: 'credits', granted: 10, remaining: 10 }]);
		expect(await allowancesFor(lead, { siteId: park.id, kind: 'gpu_workstation', creditsPerHour: 0 }, 'Asia/Jakarta', at(1, 9))).toEqual([]);
		const first = await render(node, 3, 18, 19.5); // 1.5 h × 3 = 4.5 → 5 credits
		await render(free, 3, 18, 20);
		const ledger = await countRows(ledgerEntry);
		const bookings = await countRows(booking);
		const refused = await refusal(render(node, 4, 18, 20)); // 6 credits, 5 left
		expect(refused).toMatchObject({ code: 'CONFLICT', key: 'err_quota_exceeded_credits', params: { allowance: 'Render farm', remaining: 5, cost: 6, month: '2026-12' } });
		expect([await countRows(ledgerEntry), await countRows(booking)]).toEqual([ledger, bookings]);
		await render(node, 4, 18, 19); // 3 credits
		await cancelBooking(lead, first.bookings[0]!.id, {}, NOW);
		const st = await statement(lead, org.slug, { site: park.slug, month: '2026-12' });
		expect(st.allowances).toMatchObject([{ name: 'Render farm', unit: 'credits', granted: 10, used: 8, refunded: 5, overage: 0, remaining: 7 }]);
		expect(st.lines.map((l) => [l.kind, l.unit, l.amount])).toEqual([['debit', 'credits', 5], ['debit', 'credits', 3], ['refund', 'credits', -5]]);
		expect(await allowancesFor(lead, { siteId: park.id, kind: 'render_node', creditsPerHour: 3 }, 'Asia/Jakarta', at(1, 9))).toMatchObject([{ remaining: 7 }]);
	});

	it('an allowance names its unit and an amount that fits it; nothing is written otherwise', async () => {
		const plans = (await findPlans(staff, park.slug)).length;
		const field = async (a: Record<string, unknown>) => (await refusal(createPlan(staff, park.slug, { name: `Salah ${Math.random()}`, allowances: [{ name: 'x', kinds: ['render_node'], ...a }] }))).fields[0];
		expect(await field({ unit: 'credits', amount: 1.5 })).toMatchObject({ field: 'allowances.0.amount', key: 'err_allowance_credits' });
		expect(await field({ unit: 'credits', amount: 0 })).toMatchObject({ field: 'allowances.0.amount', key: 'err_allowance_credits' });
		expect(await field({ amount: 0.3 })).toMatchObject({ field: 'allowances.0.amount', key: 'err_allowance_hours' });
		expect(await field({ amount: 745 })).toMatchObject({ field: 'allowances.0.amount', key: 'err_allowance_hours' });
		expect(await field({ unit: 'rupiah', amount: 10 })).toMatchObject({ field: 'allowances.0.unit', key: 'err_field_choice' });
		expect((await findPlans(staff, park.slug)).length).toBe(plans);
	});

	it('the ledger is append-only, statements are for members and staff, and plans are staff business', async () => {
		const why = (p: Promise<unknown>) => p.then(() => 'changed', (e: { cause?: Error; message: string }) => e.cause?.message ?? e.message);
		expect(await why(db().update(ledgerEntry).set({ amount: 0 }))).toMatch(/append-only/);
		expect(await why(db().delete(ledgerEntry).where(eq(ledgerEntry.orgId, orgId)))).toMatch(/append-only/);
		const outsider = await makeUser('member', park.id);
		expect((await refusal(statement(outsider, orgSlug, { site: park.slug, month: '2026-12' }))).code).toBe('FORBIDDEN');
		expect((await refusal(statement(founder, orgSlug, { site: park.slug, month: '2026-13' }))).fields[0]?.field).toBe('month');
		expect((await refusal(createPlan(founder, park.slug, { name: 'Liar', allowances: [{ name: 'x', kinds: ['hall'], amount: 1 }] }))).code).toBe('FORBIDDEN');
		const bad = await refusal(createPlan(staff, park.slug, { name: 'Inkubasi Tahap 1', allowances: [{ name: 'x', kinds: ['hall'], amount: 1 }] }));
		expect(bad.fields[0]).toMatchObject({ field: 'name', key: 'err_plan_name_taken' });
		expect((await refusal(createPlan(staff, park.slug, { name: 'Kosong', allowances: [] }))).fields[0]?.field).toBe('allowances');
		expect((await refusal(createPlan(staff, park.slug, { name: 'Aneh', allowances: [{ name: 'x', kinds: ['kolam'], amount: 1 }] }))).fields[0]?.field).toMatch(/^allowances\.0\.kinds/);
		// The public sees plans and allowances, not who is on them.
		const seen = await findPlans(outsider, park.slug);
		expect(seen.map((p) => p.name)).toContain('Inkubasi Tahap 1');
		expect(seen.every((p) => p.members === null)).toBe(true);
		expect((await findPlans(staff, park.slug)).find((p) => p.name === 'Inkubasi Tahap 1')!.members!.map((m) => m.orgId)).toEqual([orgId]);
	});
});
