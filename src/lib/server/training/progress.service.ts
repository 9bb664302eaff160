import { and, asc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { timingSafeEqual } from 'node:crypto';
import { db } from '../db/client.ts';
import { assessmentComponent, assessmentScore, attendance, classSession, course, enrolment } from './schema.ts';
import { user } from '../auth/schema.ts';
import { Permission, requireAccess, requireUser } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { audit } from '../platform/audit.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { parse } from '../../schemas/validate.ts';
import { isUuid } from '../../schemas/common.ts';
import { zAssessmentScheme, zAttendanceList, zCheckIn, zScores } from '../../schemas/training.ts';
import { readConfig } from '../config.ts';
import { asLocale, formatDateTime, formatTime } from '../../i18n/format.ts';
import { issueCompleted, type IssuedCredential } from './credentials/credential.service.ts';
import { classRow, componentsOf, getCourse, myEnrolments, requireTeacher, type ClassJoined, type MyEnrolment, type PublicComponent, type PublicCourse } from './course.service.ts';

/** A QR code opens from a quarter of an hour before the session until it ends. */
export const CHECK_IN_EARLY_MS = 15 * 60_000;

export type Outcome = 'in_progress' | 'completed' | 'not_completed';

export interface Progress {
	/** Sessions attended, of how many the class has, and the share in percent (one decimal). */
	attended: number;
	sessions: number;
	attendance: number;
	/** Score per component id (0–100), absent until recorded. */
	scores: Record<string, number>;
	/** The weighted score (two decimals) once every component is scored; null before (or when the course has none). */
	score: number | null;
	outcome: Outcome;
}

/**
 * A course's completion rule applied to one participant: completed when attendance reaches
 * `minAttendance` percent of the class's sessions and, if the course has assessment components,
 * every component is scored and the weighted score reaches `passMark`. Once the class has ended,
 * a participant who cannot meet it any more is `not_completed`; until then `in_progress`.
 */
export function completion(rule: { passMark: number; minAttendance: number; components: { id: string; weight: number }[] }, p: { sessions: number; attended: number; scores: Record<string, number> }, ended: boolean): Progress {
	const attendance = p.sessions ? Math.round((p.attended * 1000) / p.sessions) / 10 : 0;
	const attendedEnough = p.sessions > 0 && p.attended * 100 >= rule.minAttendance * p.sessions;
	const total = rule.components.reduce((n, c) => n + c.weight, 0);
	const scored = rule.components.every((c) => c.id in p.scores);
	const score = rule.components.length && scored ? Math.round((rule.components.reduce((n, c) => n + p.scores[c.id]! * c.weight, 0) * 100) / total) / 100 : null;
	const passed = !rule.components.length || (score !== null && score >= rule.passMark);
	const outcome: Outcome = attendedEnough && passed ? 'completed' : ended && (!attendedEnough || score !== null) ? 'not_completed' : 'in_progress';
	return { attended: p.attended, sessions: p.sessions, attendance, scores: p.scores, score, outcome };
}

export interface ParticipantProgress extends Progress {
	userId: string;
	name: string;
	email: string;
	/** Ids of the sessions attended. */
	present: string[];
}

export interface ClassProgress {
	classId: string;
	passMark: number;
	minAttendance: number;
	components: PublicComponent[];
	sessions: { id: string; startsAt: string; endsAt: string }[];
	participants: ParticipantProgress[];
}

async function sessionsOf(classId: string) {
	return db().select({ id: classSession.id, startsAt: classSession.startsAt, endsAt: classSession.endsAt }).from(classSession).where(eq(classSession.classId, classId)).orderBy(asc(classSession.startsAt));
}

/** Attendance, scores and outcome of a class's participants (those holding a seat), optionally only one person's. */
async function progressOf(k: ClassJoined, now: Date, only?: string): Promise<ClassProgress> {
	const [sessions, components, people] = await Promise.all([
		sessionsOf(k.k.id),
		componentsOf([k.c.id]),
		db()
			.select({ userId: user.id, name: user.name, email: user.email })
			.from(enrolment)
			.innerJoin(user, eq(user.id, enrolment.userId))
			.where(and(eq(enrolment.classId, k.k.id), eq(enrolment.status, 'enrolled'), only ? eq(enrolment.userId, only) : undefined))
			.orderBy(asc(user.name), asc(user.id))
	]);
	const ids = people.map((p) => p.userId);
	const [present, scores] = ids.length
		? await Promise.all([
				sessions.length ? db().select({ sessionId: attendance.sessionId, userId: attendance.userId }).from(attendance).where(and(inArray(attendance.sessionId, sessions.map((s) => s.id)), inArray(attendance.userId, ids))) : [],
				db().select({ userId: assessmentScore.userId, componentId: assessmentScore.componentId, score: assessmentScore.score }).from(assessmentScore).where(and(eq(assessmentScore.classId, k.k.id), inArray(assessmentScore.userId, ids)))
			])
		: [[], []];
	const ended = !!k.lastEnd && k.lastEnd <= now;
	const rule = { passMark: k.c.passMark, minAttendance: k.c.minAttendance, components };
	return {
		classId: k.k.id,
		passMark: k.c.passMark,
		minAttendance: k.c.minAttendance,
		components: components.map(({ courseId: _c, ...c }) => c),
		sessions: sessions.map((s) => ({ id: s.id, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() })),
		participants: people.map((p) => {
			const mine = present.filter((a) => a.userId === p.userId).map((a) => a.sessionId);
			const own = Object.fromEntries(scores.filter((s) => s.userId === p.userId).map((s) => [s.componentId, s.score]));
			return { ...p, present: mine, ...completion(rule, { sessions: sessions.length, attended: mine.length, scores: own }, ended) };
		})
	};
}

/** Everyone's attendance, scores and outcome in a class (its trainers and the course's staff). */
export async function classProgress(actor: Actor, classId: string, now = new Date()): Promise<ClassProgress> {
	const k = await classRow(classId);
	await requireTeacher(actor, k, false);
	return progressOf(k, now);
}

/** My own attendance, scores and outcome in a class where I hold a seat; 404 otherwise. */
export async function myProgress(actor: Actor, classId: string, now = new Date()): Promise<ParticipantProgress> {
	const me = await requireUser(actor, Permission.ProfileRead);
	const k = await classRow(classId);
	const [mine] = (await progressOf(k, now, me.userId)).participants;
	if (!mine) throw notFound('err_enrolment_not_found');
	return mine;
}

// ── Assessment scheme ──────────────────────────────────────────────────────────────────────

/**
 * Set a course's completion rule and its components. Components sent with their id are kept
 * (with their scores); those left out are removed, unless a score was recorded for one (409).
 */
export async function setAssessment(actor: Actor, courseId: string, input: unknown): Promise<PublicCourse> {
	const c = await getCourse(courseId);
	await requireAccess(actor, Permission.TrainingManage, { siteId: c.siteId });
	const data = parse(zAssessmentScheme, input);
	const known = new Set(c.components.map((k) => k.id));
	const stray = data.components.findIndex((k) => k.id && !known.has(k.id));
	if (stray >= 0) throw new AppError('VALIDATION', 'err_validation', {}, [{ field: `components.${stray}.id`, key: 'err_component_not_found' }]);
	const kept = data.components.flatMap((k) => (k.id ? [k.id] : []));
	await db().transaction(async (tx) => {
		await tx.select({ id: course.id }).from(course).where(eq(course.id, c.id)).for('update');
		const gone = c.components.filter((k) => !kept.includes(k.id));
		if (gone.length) {
			const [used] = await tx.select({ title: assessmentComponent.title }).from(assessmentScore).innerJoin(assessmentComponent, eq(assessmentComponent.id, assessmentScore.componentId)).where(inArray(assessmentScore.componentId, gone.map((k) => k.id))).limit(1);
			if (used) throw new AppError('CONFLICT', 'err_component_scored', { title: used.title });
			await tx.delete(assessmentComponent).where(and(eq(assessmentComponent.courseId, c.id), kept.length ? notInArray(assessmentComponent.id, kept) : undefined));
		}
		for (const [position, k] of data.components.entries()) {
			if (k.id) await tx.update(assessmentComponent).set({ kind: k.kind, title: k.title, weight: k.weight, position }).where(eq(assessmentComponent.id, k.id));
			else await tx.insert(assessmentComponent).values({ courseId: c.id, kind: k.kind, title: k.title, weight: k.weight, position });
		}
		await tx.update(course).set({ passMark: data.passMark, minAttendance: data.minAttendance, updatedAt: sql`now()` }).where(eq(course.id, c.id));
		await audit(tx, actor, { action: 'course.assessment', siteId: c.siteId, targetType: 'course', targetId: c.id, before: { passMark: c.passMark, minAttendance: c.minAttendance, components: c.components }, after: data });
	});
	return getCourse(c.id);
}

// ── Attendance ─────────────────────────────────────────────────────────────────────────────

async function sessionRow(sessionId: string) {
	if (!isUuid(sessionId)) throw notFound('err_session_not_found');
	const [s] = await db().select().from(classSession).where(eq(classSession.id, sessionId));
	if (!s) throw notFound('err_session_not_found');
	return { s, k: await classRow(s.classId) };
}

/** People holding a seat in the class, by user id. */
async function seated(classId: string): Promise<Set<string>> {
	const rows = await db().select({ id: enrolment.userId }).from(enrolment).where(and(eq(enrolment.classId, classId), eq(enrolment.status, 'enrolled')));
	return new Set(rows.map((r) => r.id));
}

export interface SessionAttendance {
	sessionId: string;
	classId: string;
	startsAt: string;
	endsAt: string;
	participants: { userId: string; name: string; present: boolean; method: 'list' | 'qr' | null }[];
}

/** The participants of a session's class, each marked present (and how) or not (its trainers and the course's staff). */
export async function sessionAttendance(actor: Actor, sessionId: string): Promise<SessionAttendance> {
	const { s, k } = await sessionRow(sessionId);
	await requireTeacher(actor, k, false);
	const rows = await db()
		.select({ userId: user.id, name: user.name, method: attendance.method })
		.from(enrolment)
		.innerJoin(user, eq(user.id, enrolment.userId))
		.leftJoin(attendance, and(eq(attendance.sessionId, s.id), eq(attendance.userId, enrolment.userId)))
		.where(and(eq(enrolment.classId, k.k.id), eq(enrolment.status, 'enrolled')))
		.orderBy(asc(user.name), asc(user.id));
	return { sessionId: s.id, classId: k.k.id, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString(), participants: rows.map((r) => ({ userId: r.userId, name: r.name, present: r.method !== null, method: r.method })) };
}

/**
 * Take a session's attendance from the list: the people named are present, every other
 * participant absent (a QR check-in the trainer unticks is removed). Not before the session begins.
 */
export async function recordAttendance(actor: Actor, sessionId: string, input: unknown, now = new Date()): Promise<SessionAttendance> {
	const { s, k } = await sessionRow(sessionId);
	const me = await requireTeacher(actor, k, true);
	const data = parse(zAttendanceList, input);
	if (now.getTime() < s.startsAt.getTime() - CHECK_IN_EARLY_MS) throw new AppError('CONFLICT', 'err_attendance_early', { start: formatDateTime(s.startsAt, asLocale(me.locale), k.timeZone) });
	const seats = await seated(k.k.id);
	const present = [...new Set(data.present)];
	const stranger = data.present.findIndex((id) => !seats.has(id));
	if (stranger >= 0) throw new AppError('VALIDATION', 'err_validation', {}, [{ field: `present.${stranger}`, key: 'err_not_participant' }]);
	await db().transaction(async (tx) => {
		const before = await tx.select({ userId: attendance.userId }).from(attendance).where(eq(attendance.sessionId, s.id));
		await tx.delete(attendance).where(and(eq(attendance.sessionId, s.id), present.length ? notInArray(attendance.userId, present) : undefined));
		if (present.length) await tx.insert(attendance).values(present.map((userId) => ({ sessionId: s.id, userId, method: 'list' as const, recordedBy: me.userId }))).onConflictDoNothing();
		await audit(tx, actor, { action: 'attendance.record', siteId: k.c.siteId, targetType: 'class_session', targetId: s.id, before: { present: before.map((b) => b.userId) }, after: { present } });
	});
	await certify(actor, me.userId, k, await progressOf(k, now), now);
	return sessionAttendance(actor, s.id);
}

/** The address a session's QR code opens, with its secret (its trainers and the course's staff). */
export async function sessionCode(actor: Actor, sessionId: string): Promise<{ sessionId: string; code: string; url: string; startsAt: string; endsAt: string; opensAt: string }> {
	const { s, k } = await sessionRow(sessionId);
	await requireTeacher(actor, k, false);
	return { sessionId: s.id, code: s.code, url: `${readConfig().origin}/attend/${s.id}?code=${s.code}`, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString(), opensAt: new Date(s.startsAt.getTime() - CHECK_IN_EARLY_MS).toISOString() };
}

const sameCode = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Mark myself present by the code of the session's QR code: only while the session runs (from a
 * quarter of an hour before it), only with the right code, only holding a seat in its class.
 */
export async function checkIn(actor: Actor, sessionId: string, input: unknown, now = new Date()): Promise<{ sessionId: string; present: true; already: boolean }> {
	const me = await requireUser(actor, Permission.EnrolmentCreate);
	const { s, k } = await sessionRow(sessionId);
	const data = parse(zCheckIn, input);
	if (!sameCode(data.code, s.code)) {
		await audit(db(), actor, { action: 'attendance.check_in', outcome: 'denied', siteId: k.c.siteId, targetType: 'class_session', targetId: s.id });
		throw new AppError('FORBIDDEN', 'err_attendance_code');
	}
	if (now.getTime() < s.startsAt.getTime() - CHECK_IN_EARLY_MS || now > s.endsAt) {
		throw new AppError('CONFLICT', 'err_attendance_window', { start: formatDateTime(new Date(s.startsAt.getTime() - CHECK_IN_EARLY_MS), asLocale(me.locale), k.timeZone), end: formatTime(s.endsAt, asLocale(me.locale), k.timeZone, true) });
	}
	if (!(await seated(k.k.id)).has(me.userId)) {
		await audit(db(), actor, { action: 'attendance.check_in', outcome: 'denied', siteId: k.c.siteId, targetType: 'class_session', targetId: s.id });
		throw new AppError('FORBIDDEN', 'err_attendance_not_enrolled');
	}
	const made = await db().transaction(async (tx) => {
		const rows = await tx.insert(attendance).values({ sessionId: s.id, userId: me.userId, method: 'qr', recordedBy: me.userId }).onConflictDoNothing().returning();
		if (rows.length) await audit(tx, actor, { action: 'attendance.check_in', siteId: k.c.siteId, targetType: 'class_session', targetId: s.id, after: { userId: me.userId } });
		return rows.length > 0;
	});
	return { sessionId: s.id, present: true, already: !made };
}

// ── Scores ─────────────────────────────────────────────────────────────────────────────────

/** Record participants' scores (0–100) in the course's components; a null score clears one (its trainers and the course's staff). */
export async function recordScores(actor: Actor, classId: string, input: unknown, now = new Date()): Promise<ClassProgress> {
	const k = await classRow(classId);
	const me = await requireTeacher(actor, k, true);
	const data = parse(zScores, input);
	const [seats, components] = await Promise.all([seated(k.k.id), componentsOf([k.c.id])]);
	const ids = new Set(components.map((c) => c.id));
	for (const [i, r] of data.scores.entries()) {
		if (!seats.has(r.userId)) throw new AppError('VALIDATION', 'err_validation', {}, [{ field: `scores.${i}.userId`, key: 'err_not_participant' }]);
		if (!ids.has(r.componentId)) throw new AppError('VALIDATION', 'err_validation', {}, [{ field: `scores.${i}.componentId`, key: 'err_component_not_found' }]);
	}
	await db().transaction(async (tx) => {
		for (const r of data.scores) {
			const key = and(eq(assessmentScore.classId, k.k.id), eq(assessmentScore.userId, r.userId), eq(assessmentScore.componentId, r.componentId));
			if (r.score === null) await tx.delete(assessmentScore).where(key);
			else
				await tx
					.insert(assessmentScore)
					.values({ classId: k.k.id, userId: r.userId, componentId: r.componentId, score: r.score, recordedBy: me.userId })
					.onConflictDoUpdate({ target: [assessmentScore.classId, assessmentScore.userId, assessmentScore.componentId], set: { score: r.score, recordedBy: me.userId, recordedAt: sql`now()` } });
		}
		await audit(tx, actor, { action: 'assessment.record', siteId: k.c.siteId, targetType: 'training_class', targetId: k.k.id, after: { scores: data.scores } });
	});
	const progress = await progressOf(k, now);
	await certify(actor, me.userId, k, progress, now);
	return progress;
}

/** Completion earns the certificate: whoever now meets the course's rule and holds none for the class is issued one. */
function certify(actor: Actor, by: string, k: ClassJoined, progress: ClassProgress, now: Date): Promise<IssuedCredential[]> {
	return issueCompleted(actor, by, k, progress.participants.filter((p) => p.outcome === 'completed'), progress.components.length > 0, now);
}

/** Issue the certificates a class's completed participants are due (those not yet issued one): its trainers and the course's staff. */
export async function issueForClass(actor: Actor, classId: string, now = new Date()): Promise<IssuedCredential[]> {
	const k = await classRow(classId);
	const me = await requireTeacher(actor, k, true);
	return certify(actor, me.userId, k, await progressOf(k, now), now);
}

/** My seats, requests and places on waiting lists, with my attendance, scores and outcome where I hold a seat. */
export async function myTraining(actor: Actor, now = new Date()): Promise<(MyEnrolment & { progress: Progress | null })[]> {
	const list = await myEnrolments(actor);
	return Promise.all(
		list.map(async (e) => {
			if (e.status !== 'enrolled') return { ...e, progress: null };
			const [p] = (await progressOf(await classRow(e.classId), now, e.userId)).participants;
			if (!p) return { ...e, progress: null };
			const { userId: _u, name: _n, email: _e, present: _p, ...progress } = p;
			return { ...e, progress };
		})
	);
}

/** What a session's QR code opens on: the session, its class and course (public facts), for a signed-in person. */
export async function sessionInfo(actor: Actor, sessionId: string) {
	await requireUser(actor, Permission.ProfileRead);
	const { s, k } = await sessionRow(sessionId);
	return { sessionId: s.id, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString(), opensAt: new Date(s.startsAt.getTime() - CHECK_IN_EARLY_MS).toISOString(), classTitle: k.k.title, courseTitle: k.c.title, courseSlug: k.c.slug, siteSlug: k.siteSlug, siteName: k.siteName, timeZone: k.timeZone };
}
