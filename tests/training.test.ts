import { describe, it, expect, beforeAll } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useTestDb } from './db.ts';
import { makeSite, makeUser, makeMembers, refusal, auditCount, mailsTo } from './factories.ts';
import { cancelEnrolment, classEnrolments, createClass, createCourse, decideEnrolment, enrol, findCourses, getCourse, myEnrolments, updateCourse } from '../src/lib/server/training/course.service.ts';
import { course, enrolment } from '../src/lib/server/training/schema.ts';
import { db } from '../src/lib/server/db/client.ts';
import { exportMyData } from '../src/lib/server/directory/people.service.ts';
import type { UserActor } from '../src/lib/server/auth/actor.ts';

useTestDb();

const NOW = new Date('2026-11-24T03:00:00Z');
const toonBoom = { slug: 'toon-boom-harmony', title: 'Toon Boom Harmony Essentials', provider: 'Toon Boom Animation', skills: ['Animasi 2D', 'Rigging'], level: 'beginner', durationHours: 24, priceIdr: 1500000 };
const sessions = [
	{ startsAt: '2026-12-07T09:00:00+07:00', endsAt: '2026-12-07T12:00:00+07:00' },
	{ startsAt: '2026-12-08T09:00:00+07:00', endsAt: '2026-12-08T12:00:00+07:00' }
];

describe('training catalogue and enrolment', () => {
	let park: { id: string; slug: string };
	let staff: UserActor;
	let courseId: string;

	beforeAll(async () => {
		park = await makeSite({ name: 'Cimahi Techno Park' });
		staff = await makeUser('site_staff', park.id);
		courseId = (await createCourse(staff, park.slug, toonBoom)).id;
	});

	it('staff publish courses; others are refused and nothing is written', async () => {
		const c = await getCourse('toon-boom-harmony', park.slug);
		expect(c).toMatchObject({ title: 'Toon Boom Harmony Essentials', provider: 'Toon Boom Animation', skills: ['animasi 2d', 'rigging'], priceIdr: 1500000, siteName: 'Cimahi Techno Park', timeZone: 'Asia/Jakarta' });
		expect((await findCourses({ q: 'rigging' })).map((x) => x.id)).toEqual([courseId]);
		const before = (await db().select().from(course)).length;
		const denied = await auditCount(undefined, 'denied');
		for (const who of [await makeUser('member', park.id), await makeUser('site_staff', (await makeSite()).id)]) expect((await refusal(createCourse(who, park.slug, { ...toonBoom, slug: 'lain' }))).code).toBe('FORBIDDEN');
		expect((await refusal(createCourse(staff, 'jaringan', { ...toonBoom, slug: 'nasional' }))).code).toBe('FORBIDDEN');
		expect(await auditCount(undefined, 'denied')).toBe(denied + 3);
		const bad = await refusal(createCourse(staff, park.slug, { ...toonBoom, slug: 'x-2', durationHours: 0, priceIdr: -1, siteId: park.id }));
		expect(bad.fields?.map((f) => `${f.field} ${f.key}`).sort()).toEqual(['durationHours err_field_too_small', 'priceIdr err_field_too_small', 'siteId err_field_unknown']);
		expect((await refusal(createCourse(staff, park.slug, toonBoom))).fields).toMatchObject([{ field: 'slug', key: 'err_slug_taken' }]);
		expect((await db().select().from(course)).length).toBe(before);
		// The network's own catalogue is its admins'.
		const admin = await makeUser('network_admin');
		expect((await createCourse(admin, 'jaringan', { ...toonBoom, slug: 'iot-nasional', title: 'Intel IoT Fundamentals' })).siteName).toBe('Virtual Technopark Indonesia');
		expect((await updateCourse(staff, courseId, { durationHours: 30 })).durationHours).toBe(30);
	});

	it('a class needs sessions in order and trainers of the park', async () => {
		const bad = await refusal(createClass(staff, courseId, { title: 'Angkatan 1', capacity: 10, sessions: [{ startsAt: '2026-12-07T12:00:00+07:00', endsAt: '2026-12-07T09:00:00+07:00' }] }));
		expect(bad.fields).toMatchObject([{ field: 'sessions.0.endsAt', key: 'err_session_order' }]);
		const stranger = await makeUser('mentor', (await makeSite()).id);
		expect((await refusal(createClass(staff, courseId, { title: 'Angkatan 1', capacity: 10, trainerIds: [stranger.userId], sessions }))).fields).toMatchObject([{ field: 'trainerIds.0', key: 'err_trainer_not_found' }]);
		const trainer = await makeUser('mentor', park.id);
		const k = await createClass(staff, courseId, { title: 'Angkatan 1', capacity: 10, trainerIds: [trainer.userId], sessions }, NOW);
		expect(k).toMatchObject({ title: 'Angkatan 1', capacity: 10, enrolled: 0, state: 'upcoming', trainers: [{ id: trainer.userId }] });
		expect(k.sessions.map((s) => s.startsAt)).toEqual(['2026-12-07T02:00:00.000Z', '2026-12-08T02:00:00.000Z']);
		// The trainer reads the class list; a member does not.
		expect(await classEnrolments(trainer, k.id)).toEqual([]);
		expect((await refusal(classEnrolments(await makeUser('member', park.id), k.id))).code).toBe('FORBIDDEN');
	});

	it('never seats more than the capacity when many ask and cancel at once; freed seats go to the waiting list in order', async () => {
		const k = await createClass(staff, courseId, { title: 'Angkatan 2', capacity: 3, sessions }, NOW);
		const people = await makeMembers(12, null);
		const got = await Promise.all(people.map((p) => enrol(p, k.id, NOW)));
		const seated = async () => (await db().select().from(enrolment).where(and(eq(enrolment.classId, k.id), eq(enrolment.status, 'enrolled')))).length;
		expect(got.filter((e) => e.status === 'enrolled')).toHaveLength(3);
		const waiting = got.filter((e) => e.status === 'waitlisted').sort((a, b) => a.position! - b.position!);
		expect(waiting.map((e) => e.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
		expect((await refusal(enrol(people[0]!, k.id, NOW))).key).toBe('err_enrolled_already');
		const [waitMail] = await mailsTo(waiting[0]!.email);
		expect(waitMail?.subject).toBe('Anda masuk daftar tunggu Toon Boom Harmony Essentials');

		// The three seated and the first two waiting cancel together: the next three in line get the seats.
		const leaving = [...got.filter((e) => e.status === 'enrolled'), waiting[0]!, waiting[1]!];
		await Promise.all(leaving.map((e) => cancelEnrolment(people.find((p) => p.userId === e.userId)!, e.id)));
		expect(await seated()).toBe(3);
		const list = await classEnrolments(staff, k.id);
		expect(list.filter((e) => e.status === 'enrolled').map((e) => e.id).sort()).toEqual(waiting.slice(2, 5).map((e) => e.id).sort());
		expect(list.filter((e) => e.status === 'waitlisted').map((e) => e.position)).toEqual([1, 2, 3, 4]);
		const promotedMail = (await mailsTo(waiting[2]!.email)).find((x) => x.subject.startsWith('Ada kursi'));
		expect(promotedMail?.text).toContain('Angkatan 2');
		// Cancelling twice, or someone else's seat, changes nothing.
		expect((await refusal(cancelEnrolment(people.find((p) => p.userId === leaving[0]!.userId)!, leaving[0]!.id))).key).toBe('err_enrolment_closed');
		const denied = await auditCount('enrolment.cancel', 'denied');
		expect((await refusal(cancelEnrolment(people[11]!, list.find((e) => e.status === 'enrolled')!.id))).code).toBe('NOT_FOUND');
		expect(await auditCount('enrolment.cancel', 'denied')).toBe(denied + 1);
		expect(await seated()).toBe(3);
		expect((await myEnrolments(people.find((p) => p.userId === waiting[2]!.userId)!)).map((e) => [e.courseTitle, e.status])).toEqual([['Toon Boom Harmony Essentials', 'enrolled']]);
	});

	it('a restricted class waits for approval; declining needs a reason; an ended class takes no one', async () => {
		const k = await createClass(staff, courseId, { title: 'Training of Trainers', capacity: 1, approvalRequired: true, sessions }, NOW);
		const [a, b] = await makeMembers(2, null);
		const ea = await enrol(a!, k.id, NOW);
		const eb = await enrol(b!, k.id, NOW);
		expect([ea.status, eb.status]).toEqual(['pending', 'pending']);
		expect((await refusal(decideEnrolment(a!, ea.id, { decision: 'approve' }))).code).toBe('NOT_FOUND');
		expect((await refusal(decideEnrolment(staff, eb.id, { decision: 'decline' }))).fields).toMatchObject([{ field: 'reason', key: 'err_field_required' }]);
		expect((await decideEnrolment(staff, ea.id, { decision: 'approve' })).status).toBe('enrolled');
		expect((await decideEnrolment(staff, eb.id, { decision: 'approve' })).status).toBe('waitlisted');
		expect((await refusal(decideEnrolment(staff, eb.id, { decision: 'decline', reason: 'x' }))).key).toBe('err_enrolment_decided');
		const [declined] = await makeMembers(1, null);
		const ed = await enrol(declined!, k.id, NOW);
		await decideEnrolment(staff, ed.id, { decision: 'decline', reason: 'Khusus pelatih bersertifikat Toon Boom.' });
		expect((await mailsTo(declined!.email)).find((x) => x.subject.includes('tidak disetujui'))?.text).toContain('Khusus pelatih bersertifikat Toon Boom.');
		expect((await refusal(enrol(declined!, k.id, new Date('2026-12-09T00:00:00Z')))).key).toBe('err_class_ended');
		// The person's data export (UU PDP) carries their enrolments.
		expect((await exportMyData(declined!)).enrolments).toMatchObject([{ course: 'Toon Boom Harmony Essentials', class: 'Training of Trainers', status: 'declined', reason: 'Khusus pelatih bersertifikat Toon Boom.' }]);
	});
});
