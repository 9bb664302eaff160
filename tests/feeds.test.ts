import { describe, it, expect, beforeAll } from 'vitest';
import ICAL from 'ical.js';
import { useTestDb } from './db.ts';
import { makeSite, makeUser, makeResource, makeBooking, auditCount } from './factories.ts';
import { db } from '../src/lib/server/db/client.ts';
import { loan } from '../src/lib/server/facilities/schema.ts';
import { outbox } from '../src/lib/server/platform/schema.ts';
import { createFeed, feedCalendar, findFeeds, revokeFeed } from '../src/lib/server/facilities/feed.service.ts';
import { createBooking } from '../src/lib/server/facilities/booking.service.ts';
import { fold } from '../src/lib/server/facilities/ical.ts';
import { AppError } from '../src/lib/server/platform/errors.ts';
import type { EmailPayload } from '../src/lib/server/platform/outbox.ts';
import type { UserActor } from '../src/lib/server/auth/actor.ts';

useTestDb();

const tokenOf = (url: string) => /\/ical\/([A-Za-z0-9_-]+)\.ics$/.exec(url)![1]!;

/** Parse with an independent implementation (ical.js) and list the events it sees. */
function parse(text: string) {
	const comp = new ICAL.Component(ICAL.parse(text));
	for (const tz of comp.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
	return {
		name: comp.getFirstPropertyValue('x-wr-calname'),
		events: comp.getAllSubcomponents('vevent').map((v) => {
			const e = new ICAL.Event(v);
			return { uid: e.uid, summary: e.summary, location: e.location, start: e.startDate.toJSDate().toISOString(), end: e.endDate.toJSDate().toISOString(), tzid: e.startDate.zone?.tzid, status: v.getFirstPropertyValue('status') };
		})
	};
}

describe('calendar feeds (RFC 5545)', () => {
	let makassar: { id: string; slug: string };
	let member: UserActor;
	let staff: UserActor;

	beforeAll(async () => {
		makassar = await makeSite({ name: 'Technopark Makassar', timeZone: 'Asia/Makassar', provinceCode: '73', regencyCode: '73.71' });
		member = await makeUser('member', makassar.id);
		staff = await makeUser('site_staff', makassar.id);
	});

	it('my feed lists my bookings and loans at the right instants, in the park\'s zone, as ical.js reads them', async () => {
		const room = await makeResource(makassar.id, { name: 'Ruang Rapat Losari, Lantai 2', location: 'Gedung A' });
		const start = new Date('2026-12-02T01:00:00Z'); // 09.00 WITA
		const b = await makeBooking(room.id, makassar.id, member.userId, start, new Date('2026-12-02T03:30:00Z'));
		await makeBooking(room.id, makassar.id, member.userId, new Date('2026-12-03T01:00:00Z'), new Date('2026-12-03T02:00:00Z'), 'pending');
		const other = await makeUser('member', makassar.id);
		await makeBooking(room.id, makassar.id, other.userId, new Date('2026-12-04T01:00:00Z'), new Date('2026-12-04T02:00:00Z'));
		const camera = await makeResource(makassar.id, { kind: 'camera', class: 'equipment', name: 'Kamera Sony FX3' });
		await db().insert(loan).values({ resourceId: camera.id, siteId: makassar.id, userId: member.userId, dueAt: new Date('2026-12-05T08:00:00Z'), conditionOut: 'good' });

		const feed = await createFeed(member, {});
		expect(feed.url).toMatch(/^http.*\/ical\/[A-Za-z0-9_-]{32}\.ics$/);
		const text = (await feedCalendar(tokenOf(feed.url), new Date('2026-11-23T00:00:00Z')))!;
		expect(text.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
		const cal = parse(text);
		expect(cal.events).toHaveLength(3);
		const mine = cal.events.find((e) => e.uid === `booking-${b.id}@taman`)!;
		expect(mine).toMatchObject({ start: '2026-12-02T01:00:00.000Z', end: '2026-12-02T03:30:00.000Z', summary: 'Ruang Rapat Losari, Lantai 2', status: 'CONFIRMED' });
		expect(mine.tzid).toBe('Asia/Makassar');
		expect(mine.location).toBe('Gedung A, Ruang Rapat Losari, Lantai 2, Technopark Makassar');
		expect(text).toContain('DTSTART;TZID=Asia/Makassar:20261202T090000');
		expect(cal.events.filter((e) => e.status === 'TENTATIVE')).toHaveLength(1);
		expect(cal.events.find((e) => e.uid.startsWith('loan-'))).toMatchObject({ summary: 'Kembalikan: Kamera Sony FX3', start: '2026-12-05T08:00:00.000Z' });
		expect((await findFeeds(member))[0]!.lastUsedAt).toBeTruthy();
	});

	it('a facility feed shows bookers only to the park\'s staff; revoking an address ends it at once', async () => {
		const studio = await makeResource(makassar.id, { name: 'Studio Podcast' });
		await makeBooking(studio.id, makassar.id, member.userId, new Date('2026-12-02T06:00:00Z'), new Date('2026-12-02T07:00:00Z'));
		const now = new Date('2026-11-23T00:00:00Z');
		const publicView = parse((await feedCalendar(tokenOf((await createFeed(member, { resourceId: studio.id })).url), now))!);
		expect(publicView.events.map((e) => e.summary)).toEqual(['Terpesan']);
		const deskFeed = await createFeed(staff, { resourceId: studio.id });
		const desk = parse((await feedCalendar(tokenOf(deskFeed.url), now))!);
		expect(desk.events[0]!.summary).toContain(member.name);
		expect(desk.name).toBe('Studio Podcast — Technopark Makassar');

		// Only the owner revokes; anyone else gets 404 and the address keeps working.
		const err = await revokeFeed(member, deskFeed.id).catch((e: unknown) => e as AppError);
		expect((err as AppError).code).toBe('NOT_FOUND');
		expect(await feedCalendar(tokenOf(deskFeed.url), now)).toBeTruthy();
		await revokeFeed(staff, deskFeed.id);
		expect(await feedCalendar(tokenOf(deskFeed.url), now)).toBeUndefined();
		expect(await feedCalendar('x'.repeat(32), now)).toBeUndefined();
		expect(await auditCount('calendar_feed.revoke')).toBeGreaterThan(0);
	});

	it('the confirmation e-mail carries the booking as an .ics file that parses', async () => {
		const node = await makeResource(makassar.id, { kind: 'render_node', class: 'compute', alwaysOpen: true, slotMinutes: 60, minMinutes: 60, name: 'Render Node 07' });
		const start = new Date(Math.ceil(Date.now() / 86_400_000) * 86_400_000 + 86_400_000 + 2 * 3600_000);
		const res = await createBooking(member, { resourceId: node.id, startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 2 * 3600_000).toISOString(), title: 'Render episode 5' });
		const mails = (await db().select().from(outbox)).map((r) => r.payload as EmailPayload).filter((p) => p.to === member.email && p.subject.includes('Render Node 07'));
		const file = mails[0]!.attachments![0]!;
		expect(file).toMatchObject({ filename: 'pemesanan.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH' });
		const cal = parse(file.content);
		expect(cal.events).toEqual([expect.objectContaining({ uid: `booking-${res.bookings[0]!.id}@taman`, summary: 'Render Node 07: Render episode 5', start: start.toISOString() })]);
	});

	it('folds long lines without splitting a character', () => {
		const line = `SUMMARY:${'Pelatihan Toon Boom Harmony untuk animator Cimahi — sesi lanjutan '.repeat(3)}`;
		const folded = fold(line);
		expect(folded.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
		expect(folded.replace(/\r\n /g, '')).toBe(line);
	});
});
