import { describe, it, expect, beforeAll } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestDb } from './db.ts';
import { makeSite, makeUser, makeResource, refusal, auditCount } from './factories.ts';
import { db } from '../src/lib/server/db/client.ts';
import { blackout, holiday, holidayOptOut } from '../src/lib/server/facilities/schema.ts';
import { addRegionalHoliday, createBlackout, findBlackouts, findHolidays, moveHoliday, removeBlackout, removeRegionalHoliday, setHolidayOpen } from '../src/lib/server/facilities/closure.service.ts';
import { createBooking } from '../src/lib/server/facilities/booking.service.ts';
import { anonymous, type UserActor } from '../src/lib/server/auth/actor.ts';

useTestDb();

const everyDay = Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [['08:00', '17:00']]])) as Record<string, [string, string][]>;
/** Wall-clock hour `h` of a 2026 date in Jakarta (WIB). */
const wib = (date: string, h: number) => new Date(Date.parse(`${date}T00:00:00Z`) + (h - 7) * 3600_000).toISOString();
const later = new Date('2026-01-01T00:00:00Z'); // "now" for bookings: everything in 2026 is ahead

describe('holidays: the decree, Islamic dates, a park\'s own days and the days it stays open', () => {
	let park: { id: string; slug: string };
	let other: { id: string; slug: string };
	let manager: UserActor;
	let staff: UserActor;
	let admin: UserActor;
	let member: UserActor;
	let room: { id: string };

	beforeAll(async () => {
		park = await makeSite({ name: 'Bandung Technopark', openingHours: everyDay });
		other = await makeSite({ name: 'IBC Semarang', openingHours: everyDay });
		manager = await makeUser('site_manager', park.id);
		staff = await makeUser('site_staff', park.id);
		admin = await makeUser('network_admin');
		member = await makeUser('member', park.id);
		room = await makeResource(park.id, { name: 'Ruang Rapat Dayeuhkolot', maxDaysAhead: 730 });
	});

	const book = (date: string) => createBooking(member, { resourceId: room.id, startsAt: wib(date, 9), endsAt: wib(date, 10) }, later);

	it('lists the year of the decree, marking the Islamic days', async () => {
		const days = await findHolidays({ year: 2026 });
		const fitri = days.find((d) => d.nameId.startsWith('Idul Fitri'))!;
		expect(fitri).toMatchObject({ kind: 'national', islamic: true, open: false });
		expect(days.find((d) => d.day === '2026-12-25')).toMatchObject({ kind: 'national', islamic: false });
		expect(days.some((d) => d.kind === 'joint_leave')).toBe(true);
		expect((await refusal(findHolidays({ year: 1999 }))).fields[0]).toMatchObject({ field: 'year' });
	});

	it('a network admin moves an Islamic day after the sidang isbat; every park follows', async () => {
		const days = await findHolidays({ year: 2026 });
		const maulid = days.find((d) => d.nameId.startsWith('Maulid Nabi'))!;
		const next = new Date(Date.parse(`${maulid.day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
		expect((await refusal(moveHoliday(manager, maulid.id, { day: next }))).code).toBe('FORBIDDEN');
		expect((await refusal(moveHoliday(admin, maulid.id, { day: '2027-01-02' }))).fields[0]).toMatchObject({ field: 'day', key: 'err_holiday_same_year' });
		const moved = await moveHoliday(admin, maulid.id, { day: next });
		expect(moved).toMatchObject({ day: next, islamic: true });
		// Bookable on the old date, refused on the new one, at this park and any other.
		expect((await book(maulid.day)).bookings).toHaveLength(1);
		expect((await refusal(book(next))).key).toBe('err_booking_holiday');
		expect(await auditCount('holiday.move', 'ok')).toBe(1);
	});

	it('a park stays open on a national day, and closes on it again; other parks stay closed', async () => {
		expect((await refusal(book('2026-08-17'))).key).toBe('err_booking_holiday');
		expect((await refusal(setHolidayOpen(staff, park.slug, { day: '2026-08-17' }, true))).code).toBe('FORBIDDEN');
		expect((await refusal(setHolidayOpen(manager, other.slug, { day: '2026-08-17' }, true))).code).toBe('FORBIDDEN');
		expect((await refusal(setHolidayOpen(manager, park.slug, { day: '2026-08-18' }, true))).fields[0]).toMatchObject({ field: 'day', key: 'err_holiday_not_national' });
		await setHolidayOpen(manager, park.slug, { day: '2026-08-17' }, true);
		expect((await findHolidays({ year: 2026, site: park.slug })).find((d) => d.day === '2026-08-17')!.open).toBe(true);
		expect((await findHolidays({ year: 2026, site: other.slug })).find((d) => d.day === '2026-08-17')!.open).toBe(false);
		expect((await book('2026-08-17')).bookings).toHaveLength(1);
		await setHolidayOpen(manager, park.slug, { day: '2026-08-17' }, false);
		expect(await db().select().from(holidayOptOut).where(eq(holidayOptOut.siteId, park.id))).toEqual([]);
	});

	it('a park adds its own day and removes it; only its managers can', async () => {
		const input = { day: '2026-09-25', nameId: 'Hari Jadi Kota Bandung' };
		expect((await refusal(addRegionalHoliday(member, park.slug, input))).code).toBe('FORBIDDEN');
		expect((await refusal(addRegionalHoliday(manager, park.slug, { day: '25-09-2026', nameId: '' }))).fields.map((f) => f.field).sort()).toEqual(['day', 'nameId']);
		const own = await addRegionalHoliday(manager, park.slug, input);
		expect(own).toMatchObject({ kind: 'regional', siteId: park.id, nameEn: 'Hari Jadi Kota Bandung' });
		expect((await refusal(addRegionalHoliday(manager, park.slug, input))).code).toBe('CONFLICT');
		expect((await refusal(book('2026-09-25'))).key).toBe('err_booking_holiday');
		expect((await findHolidays({ year: 2026, site: other.slug })).some((d) => d.id === own.id)).toBe(false);
		expect((await refusal(removeRegionalHoliday(await makeUser('site_manager', other.id), other.slug, own.id))).code).toBe('NOT_FOUND');
		await removeRegionalHoliday(manager, park.slug, own.id);
		expect((await book('2026-09-25')).bookings).toHaveLength(1);
		expect(await db().select().from(holiday).where(eq(holiday.id, own.id))).toEqual([]);
	});
});

describe('closures of a facility or the whole park', () => {
	it('staff list the closures to come and lift one; past closures stay; others cannot see or lift them', async () => {
		const park = await makeSite({ openingHours: everyDay });
		const staff = await makeUser('site_staff', park.id);
		const member = await makeUser('member', park.id);
		const room = await makeResource(park.id, { name: 'Studio Podcast Braga', maxDaysAhead: 730 });
		const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
		const whole = await createBlackout(staff, park.slug, { startsAt: wib(day, 8), endsAt: wib(day, 17), reason: 'Kunjungan menteri' });
		await createBlackout(staff, park.slug, { resourceId: room.id, startsAt: wib(day, 8), endsAt: wib(day, 12), reason: 'Ganti peredam' });
		const [past] = await db().insert(blackout).values({ siteId: park.id, startsAt: new Date(Date.now() - 2 * 86_400_000), endsAt: new Date(Date.now() - 86_400_000), reason: 'Pemadaman listrik' }).returning();
		// A facility of another park cannot be closed from this one.
		const stranger = await makeResource((await makeSite()).id);
		expect((await refusal(createBlackout(staff, park.slug, { resourceId: stranger.id, startsAt: wib(day, 8), endsAt: wib(day, 9), reason: 'x' }))).fields[0]).toMatchObject({ field: 'resourceId' });

		const list = await findBlackouts(staff, park.slug);
		expect(list.map((b) => [b.reason, b.resourceName])).toEqual([
			['Kunjungan menteri', null],
			['Ganti peredam', 'Studio Podcast Braga']
		]);
		expect((await refusal(findBlackouts(member, park.slug))).code).toBe('FORBIDDEN');
		expect((await refusal(findBlackouts(anonymous, park.slug))).code).toBe('UNAUTHENTICATED');
		expect((await refusal(removeBlackout(member, park.slug, whole.id))).code).toBe('FORBIDDEN');
		expect((await refusal(removeBlackout(staff, park.slug, past!.id))).key).toBe('err_blackout_past');
		expect((await refusal(removeBlackout(staff, (await makeSite()).slug, whole.id))).code).toBe('FORBIDDEN');
		await removeBlackout(staff, park.slug, whole.id);
		expect((await findBlackouts(staff, park.slug)).map((b) => b.reason)).toEqual(['Ganti peredam']);
		expect((await refusal(removeBlackout(staff, park.slug, whole.id))).code).toBe('NOT_FOUND');
		expect(await auditCount('blackout.remove', 'ok')).toBe(1);
	});
});
