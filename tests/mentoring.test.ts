import { describe, it, expect, beforeAll } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestDb } from './db.ts';
import { makeSite, makeUser, makeMembers, makeResource, refusal, mailsTo } from './factories.ts';
import { createProgramme } from '../src/lib/server/incubation/programme.service.ts';
import { addMember } from '../src/lib/server/incubation/cohort.service.ts';
import { bookSession, cancelSession, freeSlots, getSession, giveFeedback, listMentors, mentoringReport, mySessions, saveMentorProfile, saveNotes, sessionIcs, sessionReminders, setOfficeHours } from '../src/lib/server/incubation/mentoring.service.ts';
import { createOrg, addMember as addOrgMember } from '../src/lib/server/directory/org.service.ts';
import { booking } from '../src/lib/server/facilities/schema.ts';
import { db } from '../src/lib/server/db/client.ts';
import type { UserActor } from '../src/lib/server/auth/actor.ts';

useTestDb();

/** Sunday 22 November 2026, 10.00 WIB: Monday's office hours are all ahead. */
const NOW = new Date('2026-11-22T03:00:00Z');
/** Monday 23 November 2026 at h.00 WIB. */
const monday = (h: number) => new Date(Date.UTC(2026, 10, 23, h - 7)).toISOString();

describe('mentoring', () => {
	let park: { id: string; slug: string };
	let staff: UserActor, mentor: UserActor, founder: UserActor, cofounder: UserActor, outsider: UserActor;
	let memberId: string;
	let room: string;

	beforeAll(async () => {
		park = await makeSite({ name: 'Cimahi Techno Park', openingHours: { '1': [['08:00', '17:00']] } });
		staff = await makeUser('site_staff', park.id);
		mentor = await makeUser('mentor', park.id);
		[founder, cofounder, outsider] = (await makeMembers(3, null)) as [UserActor, UserActor, UserActor];
		const org = await createOrg(founder, { name: 'Kumata Kecil', slug: 'kumata-kecil', kind: 'startup' });
		await addOrgMember(founder, org.id, { email: cofounder.email, title: 'CTO' });
		const p = await createProgramme(staff, park.slug, { slug: 'inkubasi', name: 'Inkubasi Animasi', kind: 'incubation', startsOn: '2026-08-01', endsOn: '2027-01-31', mentoringHours: 2 });
		memberId = (await addMember(staff, p.id, { organizationId: org.id })).id;
		room = (await makeResource(park.id, { name: 'Ruang Rapat Cisangkan', kind: 'meeting_room', bookableBy: 'tenants' })).id;
		await saveMentorProfile(mentor, { headline: 'Animator 2D, pelatih Toon Boom', expertise: ['animasi 2D', 'Toon Boom'], languages: ['id', 'en'] });
		await setOfficeHours(mentor, { hours: [{ weekday: 1, startsAt: '09:00', endsAt: '12:00', slotMinutes: 60, online: true, siteId: park.id }] });
	});

	it('publishes mentors with their office hours cut into free slots in the mentor\'s zone', async () => {
		const found = await listMentors({ site: park.slug, q: 'toon boom' });
		expect(found.map((x) => x.id)).toEqual([mentor.userId]);
		expect((await freeSlots(mentor.userId, { days: 1 }, NOW)).map((s) => s.startsAt)).toEqual([monday(9), monday(10), monday(11)]);
		// Only parks where they mentor; only mentors write office hours.
		const other = await makeSite();
		expect((await refusal(setOfficeHours(mentor, { hours: [{ weekday: 2, startsAt: '09:00', endsAt: '10:00', online: false, siteId: other.id }] }))).fields?.[0]?.key).toBe('err_office_hours_site');
		expect((await refusal(setOfficeHours(founder, { hours: [] }))).code).toBe('FORBIDDEN');
	});

	it('books online with a Jitsi room and on site with the room really held, within the allowance', async () => {
		const online = await bookSession(founder, { mentorId: mentor.userId, memberId, startsAt: monday(9), topic: 'Pipeline animasi' }, NOW);
		expect(online.meetingUrl).toMatch(/^https:\/\/meet\.jit\.si\/Taman-[0-9a-f]{20}$/);
		const onSite = await bookSession(cofounder, { mentorId: mentor.userId, memberId, startsAt: monday(10), mode: 'on_site', resourceId: room, team: true }, NOW);
		expect(onSite.room?.name).toBe('Ruang Rapat Cisangkan');
		const [held] = await db().select().from(booking).where(eq(booking.resourceId, room));
		expect([held?.status, held?.startsAt.toISOString()]).toEqual(['confirmed', monday(10)]);
		// Both hear of it, with a calendar file.
		const [toMentor] = await mailsTo(mentor.email);
		expect(toMentor?.subject).toContain('Sesi mentoring');
		expect(toMentor?.attachments?.[0]?.content).toContain('BEGIN:VEVENT');
		// A room of another park, or not a room, is no place for a session.
		const elsewhere = await makeSite({ name: 'Technopark Makassar', openingHours: { '1': [['08:00', '17:00']] } });
		const farRoom = (await makeResource(elsewhere.id, { kind: 'meeting_room', bookableBy: 'public' })).id;
		expect((await refusal(bookSession(founder, { mentorId: mentor.userId, memberId, startsAt: monday(11), mode: 'on_site', resourceId: farRoom }, NOW))).fields?.[0]?.key).toBe('err_session_room');
		// Two hours of two: the third is refused, naming what is used.
		const over = await refusal(bookSession(founder, { mentorId: mentor.userId, memberId, startsAt: monday(11) }, NOW));
		expect([over.key, over.params]).toEqual(['err_mentoring_allowance', { used: 2, limit: 2 }]);
		// A taken slot is no longer offered, and cannot be booked.
		expect((await freeSlots(mentor.userId, { days: 1 }, NOW)).map((s) => s.startsAt)).toEqual([monday(11)]);
		expect((await refusal(bookSession(founder, { mentorId: mentor.userId, memberId, startsAt: monday(9) }, NOW))).key).toBe('err_session_slot');
		// Someone outside the startup cannot book for it, or see its sessions.
		expect((await refusal(bookSession(outsider, { mentorId: mentor.userId, memberId, startsAt: monday(11) }, NOW))).code).toBe('NOT_FOUND');
		expect((await refusal(getSession(outsider, online.id))).code).toBe('NOT_FOUND');
		expect((await getSession(staff, online.id)).as).toBe('staff');
		expect((await mySessions(mentor)).map((s) => s.startsAt).sort()).toEqual([monday(9), monday(10)]);
		expect(await sessionIcs(founder, onSite.id)).toMatch(/DTSTART;TZID=Asia\/Jakarta:20261123T100000/);
	});

	it('cancelling gives the hours back and frees the room', async () => {
		const onSite = (await mySessions(founder)).find((s) => s.mode === 'on_site')!;
		await cancelSession(founder, onSite.id, NOW);
		const [held] = await db().select().from(booking).where(eq(booking.resourceId, room));
		expect(held?.status).toBe('cancelled');
		const again = await bookSession(founder, { mentorId: mentor.userId, memberId, startsAt: monday(11) }, NOW);
		expect(again.status).toBe('booked');
	});

	it('the mentor writes notes and action items; feedback both ways once it has begun; reminders once', async () => {
		const s = (await mySessions(founder)).find((x) => x.startsAt === monday(9))!;
		expect((await refusal(saveNotes(staff, s.id, { notes: 'x' }))).key).toBe('err_session_mentor_only');
		await saveNotes(mentor, s.id, { notes: 'Storyboard kuat; pipeline render perlu antrean.', actionItems: [{ text: 'Coba render farm kawasan', done: false }] });
		// The startup ticks its action item off; it cannot rewrite the items or the notes.
		expect((await refusal(saveNotes(founder, s.id, { actionItems: [{ text: 'Sudah beres semua', done: true }] }))).key).toBe('err_session_mentor_only');
		await saveNotes(founder, s.id, { notes: 'diabaikan', actionItems: [{ text: 'Coba render farm kawasan', done: true }] });
		const seen = await getSession(founder, s.id);
		expect([seen.notes, seen.actionItems]).toEqual(['Storyboard kuat; pipeline render perlu antrean.', [{ text: 'Coba render farm kawasan', done: true }]]);
		expect((await refusal(giveFeedback(founder, s.id, { rating: 5 }, NOW))).key).toBe('err_session_not_yet');
		const after = new Date(Date.parse(monday(10)));
		await giveFeedback(founder, s.id, { rating: 5, comment: 'Sangat membantu' }, after);
		await giveFeedback(mentor, s.id, { rating: 4 }, after);
		expect((await refusal(giveFeedback(staff, s.id, { rating: 3 }, after))).key).toBe('err_session_participants_only');
		expect((await refusal(giveFeedback(founder, s.id, { rating: 6 }, after))).fields?.[0]?.field).toBe('rating');

		expect(await sessionReminders(new Date(Date.parse(monday(9)) - 20 * 3_600_000))).toBe(2);
		expect(await sessionReminders(new Date(Date.parse(monday(9)) - 19 * 3_600_000))).toBe(0);

		const report = await mentoringReport(staff, seen.programme.id, after);
		expect(report.mentors.map((x) => [x.sessions, x.hours, x.rating])).toEqual([[1, 1, 5]]);
		expect(report.startups.map((x) => [x.name, x.sessions, x.hours, x.upcoming])).toEqual([['Kumata Kecil', 1, 1, 1]]);
		expect((await refusal(mentoringReport(founder, seen.programme.id))).code).toBe('FORBIDDEN');
	});
});

describe('mentoring in a programme of the network', () => {
	it('books any park\'s mentor, on site in a room of the park of the hours chosen; the network\'s admins follow it', async () => {
		const bali = await makeSite({ name: 'BCIC Bali', timeZone: 'Asia/Makassar', openingHours: { '1': [['08:00', '17:00']] } });
		const admin = await makeUser('network_admin');
		const baliStaff = await makeUser('site_staff', bali.id);
		const mentor = await makeUser('mentor', bali.id);
		const [founder] = (await makeMembers(1, null)) as [UserActor];
		const org = await createOrg(founder, { name: 'Lontar Digital', slug: 'lontar-digital', kind: 'startup' });
		const p = await createProgramme(admin, 'jaringan', { slug: 'akselerasi-nasional', name: 'Akselerasi Nasional', kind: 'acceleration', startsOn: '2026-08-01', endsOn: '2027-01-31', mentoringHours: 4 });
		expect((await refusal(addMember(baliStaff, p.id, { organizationId: org.id }))).code).toBe('FORBIDDEN');
		const memberId = (await addMember(admin, p.id, { organizationId: org.id })).id;
		const room = (await makeResource(bali.id, { name: 'Ruang Rapat Lontar', kind: 'meeting_room', bookableBy: 'public' })).id;
		await setOfficeHours(mentor, { hours: [{ weekday: 1, startsAt: '09:00', endsAt: '11:00', slotMinutes: 60, online: true, siteId: bali.id }] });

		const online = await bookSession(founder, { mentorId: mentor.userId, memberId, startsAt: monday(9) }, NOW);
		expect(online.meetingUrl).toMatch(/^https:\/\/meet\.jit\.si\//);
		const onSite = await bookSession(founder, { mentorId: mentor.userId, memberId, startsAt: monday(10), mode: 'on_site', resourceId: room }, NOW);
		expect(onSite.room?.name).toBe('Ruang Rapat Lontar');
		expect((await db().select().from(booking).where(eq(booking.resourceId, room))).map((b) => b.status)).toEqual(['confirmed']);
		// The network's admins see it as its staff; a park's staff do not.
		expect((await getSession(admin, online.id)).as).toBe('staff');
		expect((await refusal(getSession(baliStaff, online.id))).code).toBe('NOT_FOUND');
	});
});
