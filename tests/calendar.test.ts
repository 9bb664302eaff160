import { describe, it, expect, beforeAll } from 'vitest';
import { useTestDb } from './db.ts';
import { makeSite, makeUser, makeResource, makeBooking, refusal } from './factories.ts';
import { db } from '../src/lib/server/db/client.ts';
import { eq } from 'drizzle-orm';
import { blackout, booking } from '../src/lib/server/facilities/schema.ts';
import { siteCalendar } from '../src/lib/server/facilities/calendar.service.ts';
import { anonymous, type UserActor } from '../src/lib/server/auth/actor.ts';
import { atOffset, calendarEvents, hourRange, localOf } from '../src/lib/components/calendar.ts';

useTestDb();

const weekdays = Object.fromEntries(['1', '2', '3', '4', '5'].map((d) => [d, [['08:00', '16:00']]])) as Record<string, [string, string][]>;
/** Wall-clock hour `h` on a December 2026 day in Makassar (WITA, UTC+8). */
const wita = (day: number, h: number) => new Date(Date.UTC(2026, 11, day, h - 8));

describe('park calendar', () => {
	let park: { id: string; slug: string };
	let staff: UserActor;
	let booker: UserActor;
	let other: UserActor;
	let studio: { id: string };
	let room: { id: string };

	beforeAll(async () => {
		park = await makeSite({ name: 'Technopark Makassar', timeZone: 'Asia/Makassar', openingHours: weekdays });
		staff = await makeUser('site_staff', park.id);
		booker = await makeUser('member', park.id);
		other = await makeUser('member', park.id);
		studio = await makeResource(park.id, { name: 'Studio Podcast Losari', kind: 'studio_podcast' });
		room = await makeResource(park.id, { name: 'Ruang Rapat Pantai', kind: 'meeting_room' });
		await makeResource(park.id, { name: 'Ruang Lama', kind: 'meeting_room', active: false });
		const b = await makeBooking(studio.id, park.id, booker.userId, wita(8, 9), wita(8, 11));
		await db().update(booking).set({ title: 'Rekaman episode 12' }).where(eq(booking.id, b.id));
		await makeBooking(room.id, park.id, other.userId, wita(8, 13), wita(8, 14), 'pending');
		// A booking the next day, outside a one-day calendar.
		await makeBooking(room.id, park.id, other.userId, wita(9, 13), wita(9, 14));
		await db().insert(blackout).values([
			{ siteId: park.id, resourceId: null, startsAt: wita(8, 15), endsAt: wita(8, 16), reason: 'Kunjungan Wali Kota' },
			{ siteId: park.id, resourceId: studio.id, startsAt: wita(10, 8), endsAt: wita(10, 12), reason: 'Kalibrasi mikrofon' }
		]);
	});

	it('shows active facilities with the day\'s bookings and closures, in the park\'s zone', async () => {
		const c = await siteCalendar(staff, park.slug, { from: '2026-12-08' });
		expect(c.site).toMatchObject({ zone: 'WITA', offset: '+08:00' });
		expect(c.resources.map((r) => r.name).sort()).toEqual(['Ruang Rapat Pantai', 'Studio Podcast Losari']);
		const bookings = c.events.filter((e) => e.type === 'booking');
		expect(bookings.map((e) => e.startsAt).sort()).toEqual([wita(8, 9).toISOString(), wita(8, 13).toISOString()]);
		// A closure of the whole park covers every facility shown; one facility's closure only that one.
		const closures = c.events.filter((e) => e.type === 'blackout');
		expect(closures).toEqual([expect.objectContaining({ title: 'Kunjungan Wali Kota', resourceIds: expect.arrayContaining([studio.id, room.id]) })]);
		const week = await siteCalendar(staff, park.slug, { from: '2026-12-07', to: '2026-12-13', kind: 'studio_podcast' });
		expect(week.resources.map((r) => r.id)).toEqual([studio.id]);
		expect(week.events.filter((e) => e.type === 'blackout').map((e) => [e.title, e.resourceIds])).toEqual([
			['Kunjungan Wali Kota', [studio.id]],
			['Kalibrasi mikrofon', [studio.id]]
		]);
	});

	it('purposes are shown to the booker and the staff, names to the staff only', async () => {
		const of = async (actor: Parameters<typeof siteCalendar>[0]) => (await siteCalendar(actor, park.slug, { from: '2026-12-08' })).events.find((e) => e.resourceIds[0] === studio.id && e.type === 'booking')!;
		expect(await of(staff)).toMatchObject({ title: 'Rekaman episode 12', bookedBy: 'Uji member', mine: false });
		expect(await of(booker)).toMatchObject({ title: 'Rekaman episode 12', bookedBy: null, mine: true });
		expect(await of(other)).toMatchObject({ title: '', bookedBy: null, mine: false, status: 'confirmed' });
		expect(await of(anonymous)).toMatchObject({ title: '', bookedBy: null });
		expect((await siteCalendar(anonymous, park.slug, { from: '2026-12-08' })).staff).toBe(false);
	});

	it('national holidays and joint leave close the park on the calendar', async () => {
		const c = await siteCalendar(anonymous, park.slug, { from: '2026-12-21', to: '2026-12-27' });
		expect(c.closed.map((d) => d.date)).toEqual(['2026-12-24', '2026-12-25']);
		expect(c.closed[1]!.name.en).toMatch(/Christmas/);
	});

	it('bad ranges are named and unknown parks are not found', async () => {
		expect((await refusal(siteCalendar(staff, park.slug, { from: '2026-12-08', to: '2026-12-01' }))).fields[0]).toMatchObject({ field: 'to', key: 'err_field_date_order' });
		expect((await refusal(siteCalendar(staff, park.slug, { from: '2026-12-01', to: '2027-01-31' }))).fields[0]).toMatchObject({ field: 'to', key: 'err_report_too_long', params: { days: 42 } });
		expect((await refusal(siteCalendar(staff, park.slug, { from: '8 Desember' }))).fields[0]).toMatchObject({ field: 'from' });
		expect((await refusal(siteCalendar(staff, 'tidak-ada', { from: '2026-12-08' }))).code).toBe('NOT_FOUND');
	});

	it('draws times with the park\'s offset and shades the hours it is shut', async () => {
		const c = await siteCalendar(anonymous, park.slug, { from: '2026-12-11', to: '2026-12-12' }); // Friday, Saturday
		expect(atOffset('2026-12-08T01:00:00.000Z', '+08:00')).toBe('2026-12-08T09:00:00+08:00');
		expect(localOf(new Date('2026-12-08T17:30:00Z'), '+08:00')).toEqual({ date: '2026-12-09', time: '01:30' });
		expect(hourRange(c)).toEqual({ min: '08:00', max: '16:00' });
		const shut = calendarEvents(c).filter((e) => e.display === 'background');
		expect(shut.map((e) => [e.start, e.end])).toEqual([
			['2026-12-11T00:00:00+08:00', '2026-12-11T08:00:00+08:00'],
			['2026-12-11T16:00:00+08:00', '2026-12-12T00:00:00+08:00'],
			['2026-12-12T00:00:00+08:00', '2026-12-13T00:00:00+08:00']
		]);
	});

	it('an opening past midnight draws the whole day and shades only the hours it is shut', () => {
		const c = {
			site: { id: 'x', slug: 'x', name: 'Lab Malam', timeZone: 'Asia/Jakarta', zone: 'WIB', offset: '+07:00', openingHours: { '5': [['18:00', '02:00']] as [string, string][] } },
			from: '2026-12-11',
			to: '2026-12-12',
			staff: false,
			resources: [{ id: 'r', name: 'Lab', kind: 'studio_sound' as const, shared: false, capacity: 1, alwaysOpen: false }],
			closed: [],
			closedBefore: false,
			events: []
		};
		expect(hourRange(c)).toEqual({ min: '00:00', max: '24:00' });
		expect(calendarEvents(c).map((e) => [e.start, e.end])).toEqual([
			['2026-12-11T00:00:00+07:00', '2026-12-11T18:00:00+07:00'],
			['2026-12-12T02:00:00+07:00', '2026-12-13T00:00:00+07:00']
		]);
		// Shown from Saturday alone: Friday night's hours after midnight are open, unless Friday was a holiday.
		const saturday = { ...c, from: '2026-12-12' };
		expect(calendarEvents(saturday).map((e) => [e.start, e.end])).toEqual([['2026-12-12T02:00:00+07:00', '2026-12-13T00:00:00+07:00']]);
		expect(calendarEvents({ ...saturday, closedBefore: true }).map((e) => [e.start, e.end])).toEqual([['2026-12-12T00:00:00+07:00', '2026-12-13T00:00:00+07:00']]);
	});
});
