import { describe, it, expect, beforeAll } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useTestDb } from './db.ts';
import { makeSite, makeUser, makeMembers, makeResource, refusal, auditCount, mailsTo } from './factories.ts';
import { cancelEnrolment, classEnrolments, createClass, createCourse, decideEnrolment, enrol, findCourses, getCourse, myEnrolments, updateCourse } from '../src/lib/server/training/course.service.ts';
import { attendance, classSession, course, enrolment } from '../src/lib/server/training/schema.ts';
import { booking } from '../src/lib/server/facilities/schema.ts';
import { checkIn, classProgress, completion, myProgress, myTraining, recordAttendance, recordScores, sessionAttendance, sessionCode, setAssessment } from '../src/lib/server/training/progress.service.ts';
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
		expect(await updateCourse(staff, courseId, { durationHours: 30 })).toMatchObject({ durationHours: 30, provider: 'Toon Boom Animation', skills: ['animasi 2d', 'rigging'], priceIdr: 1500000 });
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

describe('attendance, assessment and completion', () => {
	let park: { id: string; slug: string };
	let staff: UserActor;
	let trainer: UserActor;
	let courseId: string;
	let componentIds: string[];

	beforeAll(async () => {
		park = await makeSite({ name: 'Cimahi Techno Park' });
		staff = await makeUser('site_staff', park.id);
		trainer = await makeUser('mentor', park.id);
		courseId = (await createCourse(staff, park.slug, { ...toonBoom, slug: 'intel-iot', title: 'Intel IoT Fundamentals' })).id;
		const c = await setAssessment(staff, courseId, { passMark: 70, minAttendance: 75, components: [{ kind: 'test', title: 'Ujian tertulis', weight: 30 }, { kind: 'project', title: 'Proyek sensor', weight: 70 }] });
		componentIds = c.components.map((k) => k.id);
	});

	it('applies the completion rule: attendance share and weighted score against the pass mark', () => {
		const rule = { passMark: 70, minAttendance: 75, components: [{ id: 'a', weight: 30 }, { id: 'b', weight: 70 }] };
		expect(completion(rule, { sessions: 4, attended: 3, scores: { a: 60, b: 75 } }, false)).toMatchObject({ attendance: 75, score: 70.5, outcome: 'completed' });
		// 2 of 3 sessions is 66.7 %, under 75 %.
		expect(completion(rule, { sessions: 3, attended: 2, scores: { a: 100, b: 100 } }, false)).toMatchObject({ attendance: 66.7, outcome: 'in_progress' });
		expect(completion(rule, { sessions: 3, attended: 2, scores: { a: 100, b: 100 } }, true).outcome).toBe('not_completed');
		// 69.99 is not 70; a missing score keeps the outcome open even after the class.
		expect(completion(rule, { sessions: 4, attended: 4, scores: { a: 69.99, b: 69.99 } }, true)).toMatchObject({ score: 69.99, outcome: 'not_completed' });
		expect(completion(rule, { sessions: 4, attended: 4, scores: { a: 90 } }, true)).toMatchObject({ score: null, outcome: 'in_progress' });
		expect(completion({ ...rule, components: [] }, { sessions: 2, attended: 2, scores: {} }, false).outcome).toBe('completed');
	});

	it('an on-site class books its room for every session through the facilities service', async () => {
		const room = await makeResource(park.id, { name: 'Ruang Kelas ATC', alwaysOpen: true });
		const k = await createClass(staff, courseId, { title: 'Angkatan Ruang', capacity: 10, roomId: room.id, sessions }, NOW);
		const held = await db().select().from(booking).where(eq(booking.resourceId, room.id));
		expect(held.map((b) => [b.startsAt.toISOString(), b.status])).toEqual([['2026-12-07T02:00:00.000Z', 'confirmed'], ['2026-12-08T02:00:00.000Z', 'confirmed']]);
		expect((await db().select().from(classSession).where(eq(classSession.classId, k.id))).every((s) => held.some((b) => b.id === s.bookingId))).toBe(true);
		// The room is taken then: a second class there is refused, naming the session, and nothing is written.
		const classes = (await getCourse(courseId)).classes.length;
		const taken = await refusal(createClass(staff, courseId, { title: 'Bentrok', capacity: 10, roomId: room.id, sessions: [sessions[1]!] }, NOW));
		expect(taken.code).toBe('CONFLICT');
		expect(taken.fields?.[0]?.field).toBe('sessions.0');
		expect((await getCourse(courseId)).classes.length).toBe(classes);
		// Equipment, or a room of another park, is not a classroom.
		const camera = await makeResource(park.id, { kind: 'camera', class: 'equipment' });
		const elsewhere = await makeResource((await makeSite()).id, { alwaysOpen: true });
		for (const r of [camera, elsewhere]) expect((await refusal(createClass(staff, courseId, { title: 'X', capacity: 5, roomId: r.id, sessions }, NOW))).fields).toMatchObject([{ field: 'roomId', key: 'err_class_room' }]);
	});

	it('participants check in by QR only during the session, with its code and a seat; trainers take the list', async () => {
		const k = await createClass(staff, courseId, { title: 'Angkatan QR', capacity: 5, trainerIds: [trainer.userId], sessions }, NOW);
		const [ayu, budi, outsider] = await makeMembers(3, null);
		const ayuSeat = await enrol(ayu!, k.id, NOW);
		await enrol(budi!, k.id, NOW);
		const first = k.sessions[0]!;
		const { code, url } = await sessionCode(trainer, first.id);
		expect(url).toBe(`http://localhost:3000/attend/${first.id}?code=${code}`);
		// Before the window (more than 15 minutes early) and after the end: refused, nothing written.
		const early = new Date(new Date(first.startsAt).getTime() - 16 * 60_000);
		const late = new Date(new Date(first.endsAt).getTime() + 1000);
		for (const at of [early, late]) expect((await refusal(checkIn(ayu!, first.id, { code }, at))).key).toBe('err_attendance_window');
		const denied = await auditCount('attendance.check_in', 'denied');
		expect((await refusal(checkIn(ayu!, first.id, { code: 'salah' }, new Date(first.startsAt)))).key).toBe('err_attendance_code');
		expect((await refusal(checkIn(outsider!, first.id, { code }, new Date(first.startsAt)))).key).toBe('err_attendance_not_enrolled');
		expect(await auditCount('attendance.check_in', 'denied')).toBe(denied + 2);
		expect((await db().select().from(attendance).where(eq(attendance.sessionId, first.id))).length).toBe(0);
		// Within it: present once, however often scanned.
		const during = new Date(new Date(first.startsAt).getTime() - 10 * 60_000);
		expect(await checkIn(ayu!, first.id, { code }, during)).toMatchObject({ present: true, already: false });
		expect(await checkIn(ayu!, first.id, { code }, during)).toMatchObject({ already: true });
		const marks = async (id: string) => Object.fromEntries((await sessionAttendance(trainer, id)).participants.map((p) => [p.userId, p.method]));
		expect(await marks(first.id)).toEqual({ [ayu!.userId]: 'qr', [budi!.userId]: null });

		// The trainer takes the second session from the list, not before it opens; only participants can be ticked.
		const second = k.sessions[1]!;
		expect((await refusal(recordAttendance(trainer, second.id, { present: [budi!.userId] }, NOW))).key).toBe('err_attendance_early');
		const at = new Date(second.endsAt);
		expect((await refusal(recordAttendance(trainer, second.id, { present: [budi!.userId, outsider!.userId] }, at))).fields).toMatchObject([{ field: 'present.1', key: 'err_not_participant' }]);
		await recordAttendance(trainer, second.id, { present: [ayu!.userId, budi!.userId] }, at);
		expect(await marks(second.id)).toEqual({ [ayu!.userId]: 'list', [budi!.userId]: 'list' });
		// Unticking removes a mark, a QR one included.
		await recordAttendance(trainer, first.id, { present: [] }, at);
		expect(await marks(first.id)).toEqual({ [ayu!.userId]: null, [budi!.userId]: null });
		await recordAttendance(trainer, first.id, { present: [ayu!.userId] }, at);
		// A member of the park, or another park's staff, may not take attendance; nothing changes.
		for (const who of [await makeUser('member', park.id), await makeUser('site_staff', (await makeSite()).id)]) expect((await refusal(recordAttendance(who, first.id, { present: [] }, at))).code).toBe('FORBIDDEN');
		expect(await marks(first.id)).toEqual({ [ayu!.userId]: 'list', [budi!.userId]: null });

		// Scores: Ayu passes (2 of 2 sessions, 0.3 × 60 + 0.7 × 80 = 74); Budi attends half, under 75 %.
		const [test, project] = componentIds as [string, string];
		const bad = await refusal(recordScores(trainer, k.id, { scores: [{ userId: ayu!.userId, componentId: test, score: 101 }, { userId: outsider!.userId, componentId: test, score: 50 }] }, at));
		expect(bad.fields?.map((f) => f.field)).toEqual(['scores.0.score']);
		expect((await refusal(recordScores(trainer, k.id, { scores: [{ userId: outsider!.userId, componentId: test, score: 50 }] }, at))).fields).toMatchObject([{ field: 'scores.0.userId', key: 'err_not_participant' }]);
		const progress = await recordScores(trainer, k.id, { scores: [{ userId: ayu!.userId, componentId: test, score: 60 }, { userId: ayu!.userId, componentId: project, score: 80 }, { userId: budi!.userId, componentId: test, score: 95.5 }, { userId: budi!.userId, componentId: project, score: 90 }] }, at);
		const of = (id: string) => progress.participants.find((p) => p.userId === id)!;
		expect(of(ayu!.userId)).toMatchObject({ attended: 2, sessions: 2, attendance: 100, score: 74, outcome: 'completed' });
		expect(of(budi!.userId)).toMatchObject({ attended: 1, attendance: 50, score: 91.65, outcome: 'not_completed' });
		expect(await myProgress(budi!, k.id, at)).toMatchObject({ outcome: 'not_completed', scores: { [test]: 95.5, [project]: 90 } });
		expect((await refusal(myProgress(outsider!, k.id, at))).code).toBe('NOT_FOUND');
		expect((await refusal(classProgress(budi!, k.id, at))).code).toBe('FORBIDDEN');
		// A null clears a score; Ayu is open again.
		const cleared = await recordScores(staff, k.id, { scores: [{ userId: ayu!.userId, componentId: project, score: null }] }, new Date('2026-12-07T03:00:00Z'));
		expect(cleared.participants.find((p) => p.userId === ayu!.userId)).toMatchObject({ score: null, outcome: 'in_progress' });
		// A scored component cannot be dropped from the course; renamed and reweighted it keeps its scores.
		expect((await refusal(setAssessment(staff, courseId, { passMark: 70, minAttendance: 75, components: [{ id: project, kind: 'project', title: 'Proyek sensor', weight: 70 }] }))).key).toBe('err_component_scored');
		const c = await setAssessment(staff, courseId, { passMark: 60, minAttendance: 50, components: [{ id: test, kind: 'test', title: 'Ujian teori', weight: 1 }, { id: project, kind: 'project', title: 'Proyek sensor', weight: 1 }] });
		expect(c).toMatchObject({ passMark: 60, minAttendance: 50, components: [{ id: test, title: 'Ujian teori', weight: 1 }, { id: project, weight: 1 }] });
		expect((await myTraining(budi!, at)).find((e) => e.classId === k.id)?.progress).toMatchObject({ score: 92.75, outcome: 'completed' });
		expect((await refusal(setAssessment(trainer, courseId, { passMark: 1, minAttendance: 1, components: [] }))).code).toBe('FORBIDDEN');
		// Once the class has ended its list is its record: no one leaves it any more.
		expect((await refusal(cancelEnrolment(ayu!, ayuSeat.id, at))).key).toBe('err_class_ended');
	});
});
