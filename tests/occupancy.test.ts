import { describe, it, expect, beforeAll } from 'vitest';
import { useTestDb } from './db.ts';
import { makeSite, makeUser, makeResource, makeBooking, refusal } from './factories.ts';
import { db } from '../src/lib/server/db/client.ts';
import { eq } from 'drizzle-orm';
import { blackout, booking, resource } from '../src/lib/server/facilities/schema.ts';
import { occupancyReport } from '../src/lib/server/facilities/occupancy.service.ts';
import type { UserActor } from '../src/lib/server/auth/actor.ts';

useTestDb();


const weekdays = Object.fromEntries(['1', '2', '3', '4', '5'].map((d) => [d, [['08:00', '17:00']]])) as Record<string, [string, string][]>;
/** 7–13 December 2026, Monday to Sunday, no holidays: 5 × 9 = 45 hours open. */
const week = { from: '2026-12-07', to: '2026-12-13' };
const wib = (day: number, h: number) => new Date(Date.UTC(2026, 11, day, h - 7));

describe('occupancy report', () => {
	let park: { id: string; slug: string };
	let manager: UserActor;
	let person: UserActor;

	beforeAll(async () => {
		park = await makeSite({ name: 'IBC Semarang', timeZone: 'Asia/Jakarta', openingHours: weekdays });
		manager = await makeUser('site_manager', park.id);
		person = await makeUser('member', park.id);
	});

	it('hours booked ÷ hours open, per facility, kind and park; seats count on shared facilities; blackouts close hours', async () => {
		const room = await makeResource(park.id, { name: 'Ruang Rapat Simpang Lima', kind: 'meeting_room' });
		await makeBooking(room.id, park.id, person.userId, wib(7, 9), wib(7, 12)); // 3 h
		await makeBooking(room.id, park.id, person.userId, wib(9, 13), wib(9, 19)); // 6 h booked, not clipped by hours
		await makeBooking(room.id, park.id, person.userId, wib(6, 9), wib(6, 12)); // the Sunday before: outside the period
		const cancelled = await makeBooking(room.id, park.id, person.userId, wib(10, 9), wib(10, 12));
		await db().update(booking).set({ status: 'cancelled' }).where(eq(booking.id, cancelled.id));
		const [cowork] = await db().insert(resource).values({ siteId: park.id, slug: 'cowork', name: 'Coworking Kota Lama', kind: 'coworking_desk', class: 'space', shared: true, capacity: 10 }).returning();
		await db().insert(booking).values({ resourceId: cowork!.id, siteId: park.id, userId: person.userId, startsAt: wib(8, 9), endsAt: wib(8, 11), held: `[${wib(8, 9).toISOString()},${wib(8, 11).toISOString()})`, exclusive: false, seats: 5, status: 'confirmed' });
		const server = await makeResource(park.id, { name: 'Server GPU', kind: 'server', class: 'compute', alwaysOpen: true });
		await db().insert(blackout).values({ siteId: park.id, resourceId: server.id, startsAt: wib(12, 0), endsAt: wib(14, 0), reason: 'Pemeliharaan listrik' });

		const r = await occupancyReport(manager, park.slug, week);
		const row = (name: string) => r.rows.find((x) => x.name === name)!;
		expect(row('Ruang Rapat Simpang Lima')).toMatchObject({ openHours: 45, bookedHours: 9, occupancy: 0.2 });
		expect(row('Coworking Kota Lama')).toMatchObject({ openHours: 45, bookedHours: 1 }); // 5 of 10 seats for 2 h
		expect(row('Server GPU')).toMatchObject({ openHours: 168 - 48, bookedHours: 0, occupancy: 0 }); // Sat+Sun blacked out
		expect(r.byKind.find((g) => g.key === 'meeting_room')).toMatchObject({ openHours: 45, bookedHours: 9 });
		expect(r.bySite).toEqual([expect.objectContaining({ key: park.slug })]);
	});

	it('an opening past midnight counts in full: the hours after midnight belong to the period too', async () => {
		const night = await makeSite({ name: 'Coding Factory Malam', timeZone: 'Asia/Jakarta', openingHours: { '5': [['18:00', '02:00']] } });
		const lab = await makeResource(night.id, { name: 'Lab Malam', kind: 'studio_sound' });
		const boss = await makeUser('site_manager', night.id);
		await makeBooking(lab.id, night.id, boss.userId, wib(11, 23), wib(12, 1)); // Friday 23:00 – Saturday 01:00
		const r = await occupancyReport(boss, night.slug, week);
		expect(r.rows.find((x) => x.resourceId === lab.id)).toMatchObject({ openHours: 8, bookedHours: 2, occupancy: 0.25 });
		// A period starting on Saturday still counts the 2 hours Friday left open past midnight.
		expect((await occupancyReport(boss, night.slug, { from: '2026-12-12', to: '2026-12-13' })).rows[0]).toMatchObject({ openHours: 2, bookedHours: 1 });
	});

	it('national holidays are not open hours', async () => {
		const lab = await makeResource(park.id, { name: 'Lab IoT', kind: 'studio_sound' });
		// 21–25 December 2026: Christmas (25th) is a national holiday; the 24th is joint leave.
		const r = await occupancyReport(manager, park.slug, { from: '2026-12-21', to: '2026-12-25' });
		expect(r.rows.find((x) => x.resourceId === lab.id)!.openHours).toBe(27); // Monday to Wednesday
	});

	it('only the park\'s staff see its report, only network admins see all parks; bad periods are named', async () => {
		expect((await refusal(occupancyReport(person, park.slug, week))).code).toBe('FORBIDDEN');
		expect((await refusal(occupancyReport(await makeUser('site_manager', (await makeSite()).id), park.slug, week))).code).toBe('FORBIDDEN');
		expect((await refusal(occupancyReport(manager, null, week))).code).toBe('FORBIDDEN');
		const all = await occupancyReport(await makeUser('network_admin'), null, week);
		expect(all.bySite.map((g) => g.key)).toContain(park.slug);
		expect((await refusal(occupancyReport(manager, park.slug, { from: '2026-12-13', to: '2026-12-07' }))).fields[0]).toMatchObject({ field: 'to', key: 'err_field_date_order' });
		expect((await refusal(occupancyReport(manager, park.slug, { from: '2026-01-01', to: '2027-06-01' }))).fields[0]).toMatchObject({ field: 'to', key: 'err_report_too_long' });
	});
});
