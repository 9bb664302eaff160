import { describe, it, expect, beforeAll } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { useTestDb } from './db.ts';
import { makeSite, makeUser, makeMembers, makeResource, auditCount, countRows, refusal, mailsTo, siteInput } from './factories.ts';
import { createSite } from '../src/lib/server/directory/site.service.ts';
import { db } from '../src/lib/server/db/client.ts';
import { booking, personQualification, qualification } from '../src/lib/server/facilities/schema.ts';
import { createBooking, approveBooking, cancelBooking, changeBooking, availability, checkIn, releaseNoShows, bookingReminders } from '../src/lib/server/facilities/booking.service.ts';
import { revokeQualification, grantQualification } from '../src/lib/server/facilities/qualification.service.ts';
import { bookingDefaults, createResource, findResources, setBookingDefaults, updateResource } from '../src/lib/server/facilities/resource.service.ts';
import { requestContext } from '../src/lib/server/platform/context.ts';
import { AppError } from '../src/lib/server/platform/errors.ts';
import type { UserActor } from '../src/lib/server/auth/actor.ts';

useTestDb();

const weekdays = { '1': [['08:00', '17:00']], '2': [['08:00', '17:00']], '3': [['08:00', '17:00']], '4': [['08:00', '17:00']], '5': [['08:00', '17:00']] } as Record<string, [string, string][]>;
/** "Now" for these tests: Monday 23 November 2026, 08:00 WITA. */
const NOW = new Date('2026-11-23T00:00:00Z');



const holding = async (resourceId: string) =>
	(await db().select().from(booking).where(and(eq(booking.resourceId, resourceId), sql`${booking.status} IN ('pending','confirmed','checked_in')`))).length;

describe('booking', () => {
	let makassar: { id: string; slug: string };
	let member: UserActor;
	let staff: UserActor;

	beforeAll(async () => {
		makassar = await makeSite({ name: 'Technopark Makassar', timeZone: 'Asia/Makassar', provinceCode: '73', regencyCode: '73.71', openingHours: weekdays });
		member = await makeUser('member', makassar.id);
		staff = await makeUser('site_staff', makassar.id);
	});

	it('200 members asking for one slot at once: exactly one booking, 199 conflicts, no overlap', async () => {
		const room = await makeResource(makassar.id, { name: 'Ruang Rapat Losari' });
		const people = await makeMembers(200, makassar.id);
		const input = { resourceId: room.id, startsAt: '2026-11-25T10:00:00+08:00', endsAt: '2026-11-25T11:00:00+08:00' };
		const results = await Promise.allSettled(people.map((p) => createBooking(p, input, NOW)));
		const ok = results.filter((r) => r.status === 'fulfilled');
		const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
		expect(ok).toHaveLength(1);
		expect(refused).toHaveLength(199);
		for (const r of refused) {
			expect(r.reason).toBeInstanceOf(AppError);
			expect((r.reason as AppError).code).toBe('CONFLICT');
			expect((r.reason as AppError).params.time).toBe('25 November 2026, 10.00 WITA–11.00');
		}
		expect(await holding(room.id)).toBe(1);
	});

	it('the taken time is written the way the request reads: Indonesian by default, English for English', async () => {
		const room = await makeResource(makassar.id, { name: 'Ruang Rapat Karebosi' });
		const input = { resourceId: room.id, startsAt: '2026-11-25T10:00:00+08:00', endsAt: '2026-11-25T11:00:00+08:00' };
		await createBooking(member, input, NOW);
		const other = await makeUser('member', makassar.id);
		expect((await refusal(createBooking(other, input, NOW))).params.time).toBe('25 November 2026, 10.00 WITA–11.00');
		const english = await refusal(requestContext.run({ requestId: 't', locale: 'en' }, () => createBooking(other, input, NOW)));
		expect(english.params.time).toBe('25 November 2026, 10:00 WITA–11:00');
	});

	it('the database itself refuses an overlapping row, whatever the service checked', async () => {
		const room = await makeResource(makassar.id);
		const insert = (from: string, to: string) =>
			db().insert(booking).values({ resourceId: room.id, siteId: makassar.id, userId: member.userId, startsAt: new Date(from), endsAt: new Date(to), held: `[${from},${to})`, exclusive: true, status: 'confirmed' });
		await insert('2026-11-26T02:00:00Z', '2026-11-26T03:00:00Z');
		await expect(insert('2026-11-26T02:30:00Z', '2026-11-26T03:30:00Z')).rejects.toMatchObject({ cause: { code: '23P01' } });
		// Touching ranges are fine: [02:00, 03:00) and [03:00, 04:00).
		await insert('2026-11-26T03:00:00Z', '2026-11-26T04:00:00Z');
		expect(await holding(room.id)).toBe(2);
	});

	it('overlapping-but-not-equal and touching requests through the service', async () => {
		const room = await makeResource(makassar.id);
		await createBooking(member, { resourceId: room.id, startsAt: '2026-11-27T09:00:00+08:00', endsAt: '2026-11-27T10:30:00+08:00' }, NOW);
		const e = await refusal(createBooking(member, { resourceId: room.id, startsAt: '2026-11-27T10:00:00+08:00', endsAt: '2026-11-27T11:00:00+08:00' }, NOW));
		expect(e.code).toBe('CONFLICT');
		expect(e.params.time).toBe('27 November 2026, 09.00 WITA–10.30');
		await createBooking(member, { resourceId: room.id, startsAt: '2026-11-27T10:30:00+08:00', endsAt: '2026-11-27T11:00:00+08:00' }, NOW);
	});

	it('a buffer keeps the next booking away', async () => {
		const cam = await makeResource(makassar.id, { kind: 'camera', class: 'equipment', bufferMinutes: 30 });
		await createBooking(member, { resourceId: cam.id, startsAt: '2026-11-30T09:00:00+08:00', endsAt: '2026-11-30T10:00:00+08:00' }, NOW);
		expect((await refusal(createBooking(member, { resourceId: cam.id, startsAt: '2026-11-30T10:00:00+08:00', endsAt: '2026-11-30T11:00:00+08:00' }, NOW))).code).toBe('CONFLICT');
		await createBooking(member, { resourceId: cam.id, startsAt: '2026-11-30T10:30:00+08:00', endsAt: '2026-11-30T11:30:00+08:00' }, NOW);
	});

	it('a shared hall never exceeds its capacity under concurrency', async () => {
		const desk = await makeResource(makassar.id, { kind: 'coworking_desk', shared: true, capacity: 3 });
		const people = await makeMembers(20, makassar.id);
		const results = await Promise.allSettled(people.map((p) => createBooking(p, { resourceId: desk.id, startsAt: '2026-11-25T13:00:00+08:00', endsAt: '2026-11-25T15:00:00+08:00' }, NOW)));
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
		const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
		expect(refused.every((r) => (r.reason as AppError).code === 'CONFLICT')).toBe(true);
		expect((refused[0]!.reason as AppError).key).toBe('err_booking_full');
		// A booking after the busy period still fits.
		await createBooking(member, { resourceId: desk.id, startsAt: '2026-11-25T15:00:00+08:00', endsAt: '2026-11-25T16:00:00+08:00' }, NOW);
	});

	it('a Tokyo booker and the Makassar park read the same slot in their own zones', async () => {
		const studio = await makeResource(makassar.id, { kind: 'studio_podcast' });
		const tokyo = await makeUser('member', makassar.id);
		// 10:00 in Tokyo (UTC+9) is 09:00 in Makassar (WITA, UTC+8).
		const { bookings } = await createBooking(tokyo, { resourceId: studio.id, startsAt: '2026-12-01T10:00:00+09:00', endsAt: '2026-12-01T11:00:00+09:00' }, NOW);
		expect(bookings[0]!.startsAt).toBe('2026-12-01T01:00:00.000Z');
		expect(bookings[0]!.timeZone).toBe('Asia/Makassar');
		const a = await availability(tokyo, studio.id, { from: '2026-12-01', to: '2026-12-01' });
		expect(a.zone).toBe('WITA');
		expect(a.days[0]!.open).toEqual([['08:00', '17:00']]);
		expect(a.days[0]!.busy).toEqual([{ startsAt: '2026-12-01T01:00:00.000Z', endsAt: '2026-12-01T02:00:00.000Z', seats: 1, status: 'confirmed', mine: true }]);
		// 07:30 WITA (08:30 in Tokyo) is before the park opens.
		expect((await refusal(createBooking(tokyo, { resourceId: studio.id, startsAt: '2026-12-01T08:30:00+09:00', endsAt: '2026-12-01T09:30:00+09:00' }, NOW))).key).toBe('err_booking_closed');
	});

	it('policy refusals name the rule and write nothing', async () => {
		const room = await makeResource(makassar.id, { noticeMinutes: 1440, maxMinutes: 120, maxDaysAhead: 14 });
		const before = await countRows(booking);
		const at = (startsAt: string, endsAt: string) => refusal(createBooking(member, { resourceId: room.id, startsAt, endsAt }, NOW));
		expect((await at('2026-11-23T10:00:00+08:00', '2026-11-23T11:00:00+08:00')).key).toBe('err_booking_notice');
		expect((await at('2026-11-25T09:00:00+08:00', '2026-11-25T12:00:00+08:00')).key).toBe('err_booking_too_long');
		expect((await at('2026-12-10T09:00:00+08:00', '2026-12-10T10:00:00+08:00')).key).toBe('err_booking_too_far');
		expect((await at('2026-11-25T09:10:00+08:00', '2026-11-25T10:00:00+08:00')).key).toBe('err_booking_slot');
		expect((await at('2026-11-28T09:00:00+08:00', '2026-11-28T10:00:00+08:00')).key).toBe('err_booking_closed'); // Saturday
		const e = await at('2026-11-25T11:00:00+08:00', '2026-11-25T10:00:00+08:00');
		expect(e.code).toBe('VALIDATION');
		expect(await countRows(booking)).toBe(before);
	});

	it('opening hours that run past the park\'s midnight: bookable across it, closed after; a holiday closes its night', async () => {
		// A night lab at the Coding Factory (WIB): Thursday and Friday 18:00–02:00, nothing else.
		const night = await makeSite({ name: 'Coding Factory Malam', timeZone: 'Asia/Jakarta', openingHours: { '4': [['18:00', '02:00']], '5': [['18:00', '02:00']] } });
		const lab = await makeResource(night.id, { name: 'Lab Malam', kind: 'studio_sound', maxDaysAhead: 60, maxMinutes: 480 });
		const nightOwl = await makeUser('member', night.id);
		const book = (startsAt: string, endsAt: string) => createBooking(nightOwl, { resourceId: lab.id, startsAt, endsAt }, NOW);
		// Friday 4 December 23:00 to Saturday 01:00, and Saturday 01:00–02:00 (Friday's night).
		expect((await book('2026-12-04T23:00:00+07:00', '2026-12-05T01:00:00+07:00')).bookings).toHaveLength(1);
		expect((await book('2026-12-05T01:00:00+07:00', '2026-12-05T02:00:00+07:00')).bookings).toHaveLength(1);
		// Past 02:00, before 18:00, and Saturday evening are closed.
		expect((await refusal(book('2026-12-05T01:30:00+07:00', '2026-12-05T02:30:00+07:00'))).key).toBe('err_booking_closed');
		expect((await refusal(book('2026-12-04T17:00:00+07:00', '2026-12-04T18:30:00+07:00'))).key).toBe('err_booking_closed');
		expect((await refusal(book('2026-12-05T19:00:00+07:00', '2026-12-05T20:00:00+07:00'))).key).toBe('err_booking_closed');
		// Thursday 24 December is joint leave: its night is closed, past midnight too.
		expect((await refusal(book('2026-12-25T00:30:00+07:00', '2026-12-25T01:30:00+07:00'))).key).toBe('err_booking_holiday');
		// Availability shows Saturday's early hours as open, and Friday's evening up to midnight.
		const a = await availability(nightOwl, lab.id, { from: '2026-12-04', to: '2026-12-05' });
		expect(a.days.map((d) => d.open)).toEqual([[['00:00', '02:00'], ['18:00', '24:00']], [['00:00', '02:00']]]);
		// Opening and closing at the same time means nothing and is refused.
		expect((await refusal(createSite(await makeUser('network_admin'), siteInput({ openingHours: { '1': [['08:00', '08:00']] } })))).fields[0]).toMatchObject({ field: 'openingHours', key: 'err_field_hours' });
	});

	it('national holidays and joint leave close the park; the name is given', async () => {
		const room = await makeResource(makassar.id, { maxDaysAhead: 60 });
		const e = await refusal(createBooking(member, { resourceId: room.id, startsAt: '2026-12-24T09:00:00+08:00', endsAt: '2026-12-24T10:00:00+08:00' }, NOW));
		expect(e.key).toBe('err_booking_holiday');
		expect(e.params.name).toBe('Cuti bersama Kelahiran Yesus Kristus');
		const a = await availability(member, room.id, { from: '2026-12-24', to: '2026-12-25' });
		expect(a.days.map((d) => d.closedReason?.en)).toEqual(['Joint leave for Christmas', 'Christmas Day']);
		expect(a.days.every((d) => d.open.length === 0)).toBe(true);
	});

	it('someone from another park cannot book a members-only room; nothing is written and the denial is audited', async () => {
		const other = await makeSite();
		const outsider = await makeUser('member', other.id);
		const room = await makeResource(makassar.id);
		const denied = await auditCount('booking.create', 'denied');
		const e = await refusal(createBooking(outsider, { resourceId: room.id, startsAt: '2026-11-25T09:00:00+08:00', endsAt: '2026-11-25T10:00:00+08:00' }, NOW));
		expect(e.code).toBe('FORBIDDEN');
		expect(e.key).toBe('err_booking_members_only');
		expect(await holding(room.id)).toBe(0);
		expect(await auditCount('booking.create', 'denied')).toBe(denied + 1);
	});

	it('training-gated equipment: refused without the qualification, allowed with it, refused again once revoked', async () => {
		const [q] = await db().insert(qualification).values({ siteId: makassar.id, name: 'Induksi keselamatan motion capture' }).returning();
		const stage = await makeResource(makassar.id, { kind: 'mocap_stage', class: 'equipment', qualificationId: q!.id });
		const slot = (d: string) => ({ resourceId: stage.id, startsAt: `2026-11-${d}T09:00:00+08:00`, endsAt: `2026-11-${d}T10:00:00+08:00` });
		const e = await refusal(createBooking(member, slot('25'), NOW));
		expect(e.code).toBe('FORBIDDEN');
		expect(e.params.name).toBe('Induksi keselamatan motion capture');
		await grantQualification(staff, q!.id, { email: member.email });
		await createBooking(member, slot('25'), NOW);
		await revokeQualification(staff, q!.id, member.userId);
		expect((await refusal(createBooking(member, slot('26'), NOW))).key).toBe('err_qualification_missing');
		// What was booked before the revocation stays.
		expect(await holding(stage.id)).toBe(1);
		expect((await db().select().from(personQualification).where(eq(personQualification.userId, member.userId)))[0]!.revokedAt).not.toBeNull();
	});

	it('a weekly series reports the taken week; it is refused whole, or booked without it on request', async () => {
		const room = await makeResource(makassar.id, { maxDaysAhead: 60 });
		await createBooking(staff, { resourceId: room.id, startsAt: '2026-12-09T14:00:00+08:00', endsAt: '2026-12-09T15:00:00+08:00' }, NOW);
		const series = { resourceId: room.id, startsAt: '2026-12-02T14:00:00+08:00', endsAt: '2026-12-02T15:00:00+08:00', recurrence: { frequency: 'weekly', count: 4 } };
		const preview = await createBooking(member, { ...series, dryRun: true }, NOW);
		expect(preview.free.map((o) => o.startsAt.slice(0, 10))).toEqual(['2026-12-02', '2026-12-16', '2026-12-23']);
		expect(preview.skipped).toMatchObject([{ startsAt: '2026-12-09T06:00:00.000Z', code: 'err_booking_conflict' }]);
		const e = await refusal(createBooking(member, series, NOW));
		expect(e.code).toBe('CONFLICT');
		expect(e.fields).toMatchObject([{ field: 'occurrences.1', key: 'err_booking_conflict' }]);
		expect(await holding(room.id)).toBe(1);
		const made = await createBooking(member, { ...series, skipConflicts: true }, NOW);
		expect(made.bookings).toHaveLength(3);
		expect(new Set(made.bookings.map((b) => b.seriesId)).size).toBe(1);
		expect(await holding(room.id)).toBe(4);
	});

	it('a pending request holds the slot; two managers approving at once: one wins', async () => {
		const hall = await makeResource(makassar.id, { kind: 'hall', approvalRequired: true });
		const manager2 = await makeUser('site_manager', makassar.id);
		const { bookings, status } = await createBooking(member, { resourceId: hall.id, startsAt: '2026-11-26T13:00:00+08:00', endsAt: '2026-11-26T15:00:00+08:00' }, NOW);
		expect(status).toBe('pending');
		expect((await refusal(createBooking(staff, { resourceId: hall.id, startsAt: '2026-11-26T14:00:00+08:00', endsAt: '2026-11-26T16:00:00+08:00' }, NOW))).code).toBe('CONFLICT');
		const results = await Promise.allSettled([approveBooking(staff, bookings[0]!.id), approveBooking(manager2, bookings[0]!.id)]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		expect(((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason as AppError).key).toBe('err_booking_state');
		// A member cannot approve.
		expect((await refusal(approveBooking(member, bookings[0]!.id))).code).toBe('FORBIDDEN');
	});

	it('cancel frees the slot; check-in keeps it; no-shows are released by the worker', async () => {
		const room = await makeResource(makassar.id);
		const a = (await createBooking(member, { resourceId: room.id, startsAt: '2026-11-23T10:00:00+08:00', endsAt: '2026-11-23T11:00:00+08:00' }, NOW)).bookings[0]!;
		await cancelBooking(member, a.id, {}, NOW);
		const b = (await createBooking(member, { resourceId: room.id, startsAt: '2026-11-23T10:00:00+08:00', endsAt: '2026-11-23T11:00:00+08:00' }, NOW)).bookings[0]!;
		const c = (await createBooking(member, { resourceId: room.id, startsAt: '2026-11-23T13:00:00+08:00', endsAt: '2026-11-23T14:00:00+08:00' }, NOW)).bookings[0]!;
		expect((await refusal(checkIn(member, b.id, NOW))).key).toBe('err_checkin_window');
		await checkIn(member, b.id, new Date('2026-11-23T02:05:00Z'));
		// 13:20 WITA: c was never checked in and is released; b was, and stays.
		await releaseNoShows(new Date('2026-11-23T05:20:00Z'));
		const rows = await db().select({ id: booking.id, status: booking.status }).from(booking).where(eq(booking.resourceId, room.id));
		expect(Object.fromEntries(rows.map((r) => [r.id, r.status]))).toMatchObject({ [a.id]: 'cancelled', [b.id]: 'checked_in', [c.id]: 'released' });
		expect((await mailsTo(member.email)).map((m) => m.subject)).toContain(`Pemesanan dilepas: ${room.name}`);
	});

	it('a booker moves a booking like a new one: taken times are refused by name, others cannot, approval starts again', async () => {
		const room = await makeResource(makassar.id, { name: 'Ruang Rapat Pantai Losari' });
		const mine = (await createBooking(member, { resourceId: room.id, startsAt: '2026-11-26T10:00:00+08:00', endsAt: '2026-11-26T11:00:00+08:00' }, NOW)).bookings[0]!;
		const other = await makeUser('member', makassar.id);
		await createBooking(other, { resourceId: room.id, startsAt: '2026-11-26T13:00:00+08:00', endsAt: '2026-11-26T14:00:00+08:00' }, NOW);
		const taken = await refusal(changeBooking(member, mine.id, { startsAt: '2026-11-26T13:30:00+08:00', endsAt: '2026-11-26T14:30:00+08:00' }, NOW));
		expect(taken.code).toBe('CONFLICT');
		expect(taken.params.time).toBe('26 November 2026, 13.00 WITA–14.00');
		expect((await refusal(changeBooking(member, mine.id, { startsAt: '2026-11-26T18:00:00+08:00', endsAt: '2026-11-26T19:00:00+08:00' }, NOW))).key).toBe('err_booking_closed');
		// Moving within its own old slot is fine (it does not collide with itself).
		const moved = await changeBooking(member, mine.id, { startsAt: '2026-11-26T10:30:00+08:00', endsAt: '2026-11-26T11:30:00+08:00', title: 'Rapat dipindah' }, NOW);
		expect(moved).toMatchObject({ startsAt: '2026-11-26T02:30:00.000Z', endsAt: '2026-11-26T03:30:00.000Z', title: 'Rapat dipindah', status: 'confirmed' });
		expect((await mailsTo(member.email)).map((m) => m.subject)).toContain(`Pemesanan diubah: ${room.name}`);
		const denied = await auditCount(undefined, 'denied');
		expect((await refusal(changeBooking(other, mine.id, { title: 'Punya saya' }, NOW))).code).toBe('FORBIDDEN');
		expect(await auditCount(undefined, 'denied')).toBe(denied + 1);
		expect((await refusal(changeBooking(member, mine.id, { title: 'Terlambat' }, new Date('2026-11-26T02:45:00Z')))).key).toBe('err_booking_started');
		// On a room that needs approval, a moved booking waits for approval again.
		const hall = await makeResource(makassar.id, { kind: 'hall', name: 'Aula Makassar', approvalRequired: true });
		const req = (await createBooking(member, { resourceId: hall.id, startsAt: '2026-11-27T09:00:00+08:00', endsAt: '2026-11-27T10:00:00+08:00' }, NOW)).bookings[0]!;
		await approveBooking(staff, req.id);
		expect((await changeBooking(member, req.id, { startsAt: '2026-11-27T10:00:00+08:00', endsAt: '2026-11-27T11:00:00+08:00' }, NOW)).status).toBe('pending');
	});

	it('a facility for holders of named roles: mentors book it, members are refused naming the roles, a choice without roles is refused', async () => {
		const room = await createResource(staff, makassar.id, { slug: 'ruang-mentor', name: 'Ruang Mentor', kind: 'meeting_room', bookableBy: 'roles', bookableRoles: ['mentor', 'site_staff'] });
		expect(room).toMatchObject({ bookableBy: 'roles', bookableRoles: ['mentor', 'site_staff'] });
		const mentor = await makeUser('mentor', makassar.id);
		const slot = (h: number) => ({ resourceId: room.id, startsAt: `2026-11-26T${h}:00:00+08:00`, endsAt: `2026-11-26T${h + 1}:00:00+08:00` });
		await createBooking(mentor, slot(10), NOW);
		const refused = await refusal(createBooking(member, slot(12), NOW));
		expect(refused).toMatchObject({ code: 'FORBIDDEN', key: 'err_booking_roles_only' });
		expect(refused.params.roles).toBe('Mentor, Staf kawasan');
		const english = await refusal(requestContext.run({ requestId: 't', locale: 'en' }, () => createBooking(member, slot(13), NOW)));
		expect(english.params.roles).toBe('Mentor, Site staff');
		await createBooking(staff, slot(14), NOW);
		expect(await holding(room.id)).toBe(2);
		// Naming no role is refused, on create and on update; nothing changes.
		const none = await refusal(createResource(staff, makassar.id, { slug: 'ruang-kosong', name: 'Ruang Kosong', kind: 'meeting_room', bookableBy: 'roles' }));
		expect(none.fields[0]).toMatchObject({ field: 'bookableRoles', key: 'err_bookable_roles_required' });
		const other = await makeResource(makassar.id, { name: 'Ruang Rapat Somba Opu' });
		expect((await refusal(updateResource(staff, other.id, { bookableBy: 'roles' }))).fields[0]?.field).toBe('bookableRoles');
		expect((await refusal(updateResource(staff, other.id, { bookableBy: 'roles', bookableRoles: ['network_admin'] }))).code).toBe('VALIDATION');
		expect((await findResources({ site: makassar.slug })).find((r) => r.id === other.id)).toMatchObject({ bookableBy: 'site_members', bookableRoles: [] });
	});

	it('staff add and edit facilities: kind defaults, durations that nest, named refusals, never a 500', async () => {
		const hall = await createResource(staff, makassar.id, { slug: 'aula-baru', name: 'Aula Baru', kind: 'hall', capacity: 80 });
		expect(hall).toMatchObject({ class: 'space', approvalRequired: true, slotMinutes: 30, minMinutes: 30 });
		// A 60-minute slot with the kind's 30-minute minimum: the minimum follows the slot.
		const studio = await createResource(staff, makassar.id, { slug: 'studio-podcast', name: 'Studio Podcast', kind: 'studio_podcast', slotMinutes: 60 });
		expect(studio).toMatchObject({ slotMinutes: 60, minMinutes: 60 });
		const bad = await refusal(createResource(staff, makassar.id, { slug: 'studio-2', name: 'Studio 2', kind: 'studio_podcast', slotMinutes: 60, minMinutes: 30 }));
		expect(bad.fields[0]).toMatchObject({ field: 'minMinutes', key: 'err_resource_min_slot' });
		expect((await refusal(updateResource(staff, studio.id, { maxMinutes: 30 }))).fields[0]).toMatchObject({ field: 'maxMinutes', key: 'err_resource_max_min' });
		expect((await updateResource(staff, studio.id, { slotMinutes: 120 }))).toMatchObject({ slotMinutes: 120, minMinutes: 120 });
		// Retired: gone from the public list, still on the staff's.
		await updateResource(staff, studio.id, { active: false });
		expect((await findResources({ site: makassar.id })).map((r) => r.id)).not.toContain(studio.id);
		expect((await findResources({ site: makassar.id }, { inactive: true })).map((r) => r.id)).toContain(studio.id);
		expect((await refusal(createResource(staff, makassar.id, { slug: 'aula-baru', name: 'Aula Lain', kind: 'hall' }))).fields[0]).toMatchObject({ field: 'slug', key: 'err_slug_taken' });
		expect((await refusal(createResource(member, makassar.id, { slug: 'punya-saya', name: 'Ruang Saya', kind: 'meeting_room' }))).code).toBe('FORBIDDEN');
	});

	it('a park sets the rules its new facilities start with; what a facility sets itself still wins', async () => {
		const park = await makeSite({ name: 'Pusat Desain Ponsel Batam' });
		const manager = await makeUser('site_manager', park.id);
		const parkStaff = await makeUser('site_staff', park.id);
		expect((await bookingDefaults(park.slug)).effective.equipment).toMatchObject({ noticeMinutes: 1440, bufferMinutes: 30, bookableBy: 'site_members' });
		expect((await refusal(setBookingDefaults(parkStaff, park.slug, { equipment: { noticeMinutes: 120 } }))).code).toBe('FORBIDDEN');
		const nest = await refusal(setBookingDefaults(manager, park.slug, { space: { slotMinutes: 60, minMinutes: 30 } }));
		expect(nest.fields[0]).toMatchObject({ field: 'space.minMinutes', key: 'err_resource_min_slot' });
		expect((await refusal(setBookingDefaults(manager, park.slug, { equipment: { noticeMinutes: -5 } }))).fields[0]!.field).toBe('equipment.noticeMinutes');
		await setBookingDefaults(manager, park.slug, { equipment: { noticeMinutes: 120, bookableBy: 'tenants' }, space: { maxDaysAhead: 14 } });
		expect((await bookingDefaults(park.slug)).effective.equipment).toMatchObject({ noticeMinutes: 120, bufferMinutes: 30, bookableBy: 'tenants' });
		const printer = await createResource(parkStaff, park.slug, { slug: 'printer-3d', name: 'Printer 3D Formlabs', kind: 'printer_3d' });
		expect(printer).toMatchObject({ noticeMinutes: 120, bufferMinutes: 30, bookableBy: 'tenants' });
		const own = await createResource(parkStaff, park.slug, { slug: 'printer-3d-b', name: 'Printer 3D B', kind: 'printer_3d', noticeMinutes: 60 });
		expect(own.noticeMinutes).toBe(60);
		// A hall still needs approval (its kind's default) when the park set nothing about it.
		expect(await createResource(parkStaff, park.slug, { slug: 'aula', name: 'Aula Batam', kind: 'hall' })).toMatchObject({ approvalRequired: true, maxDaysAhead: 14 });
		// Existing facilities keep their rules when the defaults change.
		await setBookingDefaults(manager, park.slug, {});
		expect((await findResources({ site: park.id })).find((r) => r.id === printer.id)!.noticeMinutes).toBe(120);
		expect(await auditCount('site.booking_defaults', 'ok')).toBe(2);
	});

	it('the worker reminds a booker the day before, once', async () => {
		const room = await makeResource(makassar.id, { name: 'Ruang Rapat Fort Rotterdam' });
		await createBooking(member, { resourceId: room.id, startsAt: '2026-11-30T10:00:00+08:00', endsAt: '2026-11-30T11:00:00+08:00' }, NOW);
		const reminders = async () => (await mailsTo(member.email)).filter((m) => m.subject === `Besok: ${room.name}`).length;
		await bookingReminders(new Date('2026-11-28T02:00:00Z')); // two days before: not yet
		expect(await reminders()).toBe(0);
		await bookingReminders(new Date('2026-11-29T03:00:00Z'));
		await bookingReminders(new Date('2026-11-29T04:00:00Z'));
		expect(await reminders()).toBe(1);
	});
});
