import { and, asc, count, desc, eq, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import { db, type Tx } from '../db/client.ts';
import { assessmentComponent, classSession, classTrainer, course, enrolment, trainingClass } from './schema.ts';
import { qualification, resource } from '../facilities/schema.ts';
import { createBooking } from '../facilities/booking.service.ts';
import { site, siteRole } from '../directory/schema.ts';
import { host, hostOf } from '../directory/host.ts';
import { user } from '../auth/schema.ts';
import { can, Permission, requireAccess, requireUser } from '../auth/access.ts';
import type { Actor, UserActor } from '../auth/actor.ts';
import { audit } from '../platform/audit.ts';
import { enqueue } from '../platform/outbox.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { parse } from '../../schemas/validate.ts';
import { defined, isUuid } from '../../schemas/common.ts';
import { zCourseQuery, zCreateClass, zCreateCourse, zEnrolmentDecision, zUpdateCourse } from '../../schemas/training.ts';
import { slugTaken } from '../directory/common.ts';
import { readConfig } from '../config.ts';
import { formatDateTime, asLocale } from '../../i18n/format.ts';
import { trainingMail, type TrainingMailKind } from './mail.ts';

type CourseRow = typeof course.$inferSelect;
type ClassRow = typeof trainingClass.$inferSelect;
type EnrolmentStatus = (typeof enrolment.$inferSelect)['status'];

export type ClassState = 'upcoming' | 'running' | 'ended';

export interface PublicClass {
	id: string;
	courseId: string;
	title: string;
	capacity: number;
	approvalRequired: boolean;
	location: string;
	onlineUrl: string | null;
	trainers: { id: string; name: string }[];
	sessions: { id: string; startsAt: string; endsAt: string }[];
	/** Seats taken, people waiting, requests awaiting approval. */
	enrolled: number;
	waitlisted: number;
	pending: number;
	state: ClassState;
}

export interface PublicComponent {
	id: string;
	kind: (typeof assessmentComponent.$inferSelect)['kind'];
	title: string;
	weight: number;
}

export interface PublicCourse extends Omit<CourseRow, 'createdAt' | 'updatedAt'> {
	siteSlug: string;
	siteName: string;
	timeZone: string;
	/** How participants are assessed: the components and their weights (the completion rule is passMark and minAttendance). */
	components: PublicComponent[];
	classes: PublicClass[];
}

/** The assessment components of some courses, in their order. */
export async function componentsOf(courseIds: string[], tx: Tx = db()): Promise<(PublicComponent & { courseId: string })[]> {
	if (!courseIds.length) return [];
	return tx.select({ id: assessmentComponent.id, courseId: assessmentComponent.courseId, kind: assessmentComponent.kind, title: assessmentComponent.title, weight: assessmentComponent.weight }).from(assessmentComponent).where(inArray(assessmentComponent.courseId, courseIds)).orderBy(asc(assessmentComponent.position), asc(assessmentComponent.id));
}

const active: EnrolmentStatus[] = ['pending', 'enrolled', 'waitlisted'];

const stateOf = (sessions: { startsAt: Date; endsAt: Date }[], now: Date): ClassState => {
	if (!sessions.length || now < sessions[0]!.startsAt) return 'upcoming';
	return now < sessions.at(-1)!.endsAt ? 'running' : 'ended';
};

/** Classes of some courses with their sessions, trainers and seat counts, the soonest first. */
async function classesOf(courseIds: string[], now: Date): Promise<PublicClass[]> {
	if (!courseIds.length) return [];
	const classes = await db().select().from(trainingClass).where(inArray(trainingClass.courseId, courseIds));
	if (!classes.length) return [];
	const ids = classes.map((c) => c.id);
	const [sessions, trainers, counts] = await Promise.all([
		db().select().from(classSession).where(inArray(classSession.classId, ids)).orderBy(asc(classSession.startsAt)),
		db().select({ classId: classTrainer.classId, id: user.id, name: user.name }).from(classTrainer).innerJoin(user, eq(user.id, classTrainer.userId)).where(inArray(classTrainer.classId, ids)).orderBy(asc(user.name)),
		db().select({ classId: enrolment.classId, status: enrolment.status, n: count() }).from(enrolment).where(inArray(enrolment.classId, ids)).groupBy(enrolment.classId, enrolment.status)
	]);
	const n = (classId: string, status: EnrolmentStatus) => counts.find((c) => c.classId === classId && c.status === status)?.n ?? 0;
	return classes
		.map((c) => {
			const own = sessions.filter((s) => s.classId === c.id);
			const { createdAt: _c, ...rest } = c;
			return {
				...rest,
				trainers: trainers.filter((t) => t.classId === c.id).map(({ id, name }) => ({ id, name })),
				sessions: own.map((s) => ({ id: s.id, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() })),
				enrolled: n(c.id, 'enrolled'),
				waitlisted: n(c.id, 'waitlisted'),
				pending: n(c.id, 'pending'),
				state: stateOf(own, now)
			};
		})
		.sort((a, b) => (a.sessions[0]?.startsAt ?? '').localeCompare(b.sessions[0]?.startsAt ?? ''));
}

const base = () =>
	db()
		.select({ c: course, siteSlug: host.siteSlug, siteName: host.siteName, timeZone: host.timeZone })
		.from(course)
		.leftJoin(site, eq(site.id, course.siteId));

async function withClasses(rows: Awaited<ReturnType<typeof base>>, now: Date): Promise<PublicCourse[]> {
	const ids = rows.map((r) => r.c.id);
	const [classes, components] = await Promise.all([classesOf(ids, now), componentsOf(ids)]);
	return rows.map(({ c, ...r }) => {
		const { createdAt: _c, updatedAt: _u, ...rest } = c;
		return { ...rest, ...r, components: components.filter((k) => k.courseId === c.id).map(({ courseId: _k, ...k }) => k), classes: classes.filter((k) => k.courseId === c.id) };
	});
}

const ofHost = (siteId: string | null) => (siteId ? eq(course.siteId, siteId) : isNull(course.siteId));

/** The training catalogue: every course, a park's (or the network's, `jaringan`), or matching a search. Public. */
export async function findCourses(input: unknown, now = new Date()): Promise<PublicCourse[]> {
	const q = parse(zCourseQuery, input);
	const where = and(q.site ? ofHost(await hostOf(q.site)) : undefined, q.q ? or(ilike(course.title, `%${q.q}%`), ilike(course.provider, `%${q.q}%`), sql`${course.skills}::text ILIKE ${`%${q.q}%`}`, sql`${course.skkni}::text ILIKE ${`%${q.q}%`}`) : undefined);
	return withClasses(await base().where(where).orderBy(asc(course.title)).limit(200), now);
}

/** A course by id, or by its park (or `jaringan`) and slug. */
export async function getCourse(idOrSlug: string, siteIdOrSlug?: string, now = new Date()): Promise<PublicCourse> {
	let rows;
	if (siteIdOrSlug) rows = await base().where(and(ofHost(await hostOf(siteIdOrSlug)), eq(course.slug, idOrSlug)));
	else {
		if (!isUuid(idOrSlug)) throw notFound('err_course_not_found');
		rows = await base().where(eq(course.id, idOrSlug));
	}
	if (!rows.length) throw notFound('err_course_not_found');
	return (await withClasses(rows, now))[0]!;
}

/** A course at a park (its staff), or of the network itself when the site is `jaringan` (network admins). */
export async function createCourse(actor: Actor, siteIdOrSlug: string, input: unknown): Promise<PublicCourse> {
	const siteId = await hostOf(siteIdOrSlug);
	await requireAccess(actor, Permission.TrainingManage, { siteId });
	const data = parse(zCreateCourse, input);
	await checkQualification(siteId, data.qualificationId);
	const row = await db()
		.transaction(async (tx) => {
			const [c] = await tx.insert(course).values({ ...data, siteId }).returning();
			await audit(tx, actor, { action: 'course.create', siteId, targetType: 'course', targetId: c!.id, after: c });
			return c!;
		})
		.catch(slugTaken);
	return getCourse(row.id);
}

export async function updateCourse(actor: Actor, id: string, input: unknown): Promise<PublicCourse> {
	const before = await getCourse(id);
	await requireAccess(actor, Permission.TrainingManage, { siteId: before.siteId });
	const changes = defined(parse(zUpdateCourse, input));
	await checkQualification(before.siteId, changes.qualificationId);
	await db()
		.transaction(async (tx) => {
			const [after] = await tx.update(course).set({ ...changes, updatedAt: sql`now()` }).where(eq(course.id, before.id)).returning();
			await audit(tx, actor, { action: 'course.update', siteId: before.siteId, targetType: 'course', targetId: before.id, before, after });
		})
		.catch(slugTaken);
	return getCourse(before.id);
}

/** A qualification a course's certificate may grant: the park's own or a network-wide one (any, for the network's courses). */
async function checkQualification(siteId: string | null, id: string | null | undefined) {
	if (!id) return;
	const [q] = await db().select({ siteId: qualification.siteId }).from(qualification).where(eq(qualification.id, id));
	if (!q || (siteId && q.siteId && q.siteId !== siteId)) throw new AppError('VALIDATION', 'err_validation', {}, [{ field: 'qualificationId', key: 'err_qualification_not_found' }]);
}

/** People who can teach at the course's park: anyone holding a role there (for the network's courses, at any park). */
export async function trainerPool(siteId: string | null): Promise<{ id: string; name: string }[]> {
	return db()
		.selectDistinct({ id: user.id, name: user.name })
		.from(siteRole)
		.innerJoin(user, eq(user.id, siteRole.userId))
		.where(siteId ? eq(siteRole.siteId, siteId) : sql`${siteRole.siteId} IS NOT NULL`)
		.orderBy(asc(user.name), asc(user.id));
}

/** A class of a course with its sessions and trainers (the course's managers). */
export async function createClass(actor: Actor, courseId: string, input: unknown, now = new Date()): Promise<PublicClass> {
	const c = await getCourse(courseId);
	await requireAccess(actor, Permission.TrainingManage, { siteId: c.siteId });
	const data = parse(zCreateClass, input);
	const trainerIds = [...new Set(data.trainerIds)];
	if (trainerIds.length) {
		const pool = new Set((await trainerPool(c.siteId)).map((p) => p.id));
		const unknown = trainerIds.findIndex((id) => !pool.has(id));
		if (unknown >= 0) throw new AppError('VALIDATION', 'err_validation', {}, [{ field: `trainerIds.${unknown}`, key: 'err_trainer_not_found' }]);
	}
	if (data.roomId) {
		// A room (a space, not equipment) of the course's park; the network's courses may meet at any park.
		const [room] = await db().select({ siteId: resource.siteId, class: resource.class, active: resource.active }).from(resource).where(eq(resource.id, data.roomId));
		if (!room || !room.active || room.class !== 'space' || (c.siteId && room.siteId !== c.siteId)) throw new AppError('VALIDATION', 'err_validation', {}, [{ field: 'roomId', key: 'err_class_room', params: { site: c.siteName } }]);
	}
	const id = await db().transaction(async (tx) => {
		const [k] = await tx.insert(trainingClass).values({ courseId: c.id, title: data.title, capacity: data.capacity, approvalRequired: data.approvalRequired, location: data.location, roomId: data.roomId ?? null, onlineUrl: data.onlineUrl ?? null }).returning();
		const sessions = await tx.insert(classSession).values(data.sessions.map((s) => ({ classId: k!.id, startsAt: s.startsAt, endsAt: s.endsAt }))).returning();
		// Each on-site session holds its room through the facilities service: a taken slot, a closed day or the room's policy refuses the whole class.
		if (data.roomId)
			for (const [i, s] of sessions.entries()) {
				const made = await createBooking(actor, { resourceId: data.roomId, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString(), title: `${c.title} — ${data.title}` }, now, tx).catch((e: unknown) => {
					if (e instanceof AppError) throw new AppError(e.code, e.key, e.params, [{ field: `sessions.${i}`, key: e.key, params: e.params }]);
					throw e;
				});
				await tx.update(classSession).set({ bookingId: made.bookings[0]!.id }).where(eq(classSession.id, s.id));
			}
		if (trainerIds.length) await tx.insert(classTrainer).values(trainerIds.map((userId) => ({ classId: k!.id, userId })));
		await audit(tx, actor, { action: 'class.create', siteId: c.siteId, targetType: 'training_class', targetId: k!.id, after: { ...k, sessions: data.sessions.length, trainerIds } });
		return k!.id;
	});
	return (await classesOf([c.id], now)).find((k) => k.id === id)!;
}

// ── Enrolment ──────────────────────────────────────────────────────────────────────────────

/** A class with its course and park, for the enrolment rules. */
export async function classRow(classId: string) {
	if (!isUuid(classId)) throw notFound('err_class_not_found');
	const [row] = await db()
		.select({ k: trainingClass, c: course, siteSlug: host.siteSlug, siteName: host.siteName, timeZone: host.timeZone, firstStart: sql<Date | null>`(SELECT min(starts_at) FROM ${classSession} WHERE class_id = ${trainingClass.id})`.mapWith((v) => (v ? new Date(v) : null)), lastEnd: sql<Date | null>`(SELECT max(ends_at) FROM ${classSession} WHERE class_id = ${trainingClass.id})`.mapWith((v) => (v ? new Date(v) : null)) })
		.from(trainingClass)
		.innerJoin(course, eq(course.id, trainingClass.courseId))
		.leftJoin(site, eq(site.id, course.siteId))
		.where(eq(trainingClass.id, classId));
	if (!row) throw notFound('err_class_not_found');
	return row;
}
export type ClassJoined = Awaited<ReturnType<typeof classRow>>;

/** The class's trainers, or the course's staff (anyone else is refused, and the refusal audited). */
export async function requireTeacher(actor: Actor, k: ClassJoined, write: boolean): Promise<UserActor> {
	const me = await requireUser(actor, write ? Permission.ProfileUpdate : Permission.ProfileRead);
	const [teaches] = await db().select({ id: classTrainer.userId }).from(classTrainer).where(and(eq(classTrainer.classId, k.k.id), eq(classTrainer.userId, me.userId)));
	if (!teaches) await requireAccess(actor, Permission.TrainingManage, { siteId: k.c.siteId });
	return me;
}

export interface PublicEnrolment {
	id: string;
	classId: string;
	userId: string;
	name: string;
	email: string;
	status: EnrolmentStatus;
	reason: string;
	/** Place on the waiting list (1 = next), null when not waiting. */
	position: number | null;
	queuedAt: string;
}

async function enrolmentView(tx: Tx, id: string): Promise<PublicEnrolment> {
	const [r] = await tx
		.select({ e: enrolment, name: user.name, email: user.email, ahead: sql<number>`(SELECT count(*)::int FROM ${enrolment} w WHERE w.class_id = ${enrolment.classId} AND w.status = 'waitlisted' AND (w.queued_at, w.id) < (${enrolment.queuedAt}, ${enrolment.id}))` })
		.from(enrolment)
		.innerJoin(user, eq(user.id, enrolment.userId))
		.where(eq(enrolment.id, id));
	if (!r) throw notFound('err_enrolment_not_found');
	return { id: r.e.id, classId: r.e.classId, userId: r.e.userId, name: r.name, email: r.email, status: r.e.status, reason: r.e.reason, position: r.e.status === 'waitlisted' ? r.ahead + 1 : null, queuedAt: r.e.queuedAt.toISOString() };
}

/** Lock the class (every change to its seats is serialised on this row) and count its taken seats. */
async function lockSeats(tx: Tx, classId: string): Promise<number> {
	await tx.select({ id: trainingClass.id }).from(trainingClass).where(eq(trainingClass.id, classId)).for('update');
	const [r] = await tx.select({ n: count() }).from(enrolment).where(and(eq(enrolment.classId, classId), eq(enrolment.status, 'enrolled')));
	return r!.n;
}

async function tell(tx: Tx, k: ClassJoined, userId: string, kind: TrainingMailKind, reason = '') {
	const [u] = await tx.select({ email: user.email, name: user.name, locale: user.locale }).from(user).where(eq(user.id, userId));
	if (!u) return;
	const locale = asLocale(u.locale ?? 'id');
	const link = `${readConfig().origin}/sites/${k.siteSlug}/training/${k.c.slug}`;
	await enqueue(tx, 'email', trainingMail(locale, kind, { to: u.email, name: u.name, course: k.c.title, class: k.k.title, site: k.siteName, start: k.firstStart ? formatDateTime(k.firstStart, locale, k.timeZone) : '—', reason, link }));
}

/**
 * Ask for a seat in a class. A restricted class takes the request for approval; otherwise a free
 * seat is taken at once, or the person joins the end of the waiting list. Each class's seats
 * change one request at a time (its row is locked), so a class never holds more than its capacity.
 */
export async function enrol(actor: Actor, classId: string, now = new Date()): Promise<PublicEnrolment> {
	const me = await requireUser(actor, Permission.EnrolmentCreate);
	const k = await classRow(classId);
	if (k.lastEnd && k.lastEnd <= now) throw new AppError('CONFLICT', 'err_class_ended');
	return db().transaction(async (tx) => {
		const taken = await lockSeats(tx, classId);
		const [mine] = await tx.select({ id: enrolment.id }).from(enrolment).where(and(eq(enrolment.classId, classId), eq(enrolment.userId, me.userId), inArray(enrolment.status, active)));
		if (mine) throw new AppError('CONFLICT', 'err_enrolled_already');
		const status: EnrolmentStatus = k.k.approvalRequired ? 'pending' : taken < k.k.capacity ? 'enrolled' : 'waitlisted';
		// Queued when the seat count was read (not when the transaction began), so the waiting list keeps the order requests were served.
		const [e] = await tx.insert(enrolment).values({ classId, userId: me.userId, status, queuedAt: sql`clock_timestamp()` }).returning();
		await audit(tx, actor, { action: 'enrolment.create', siteId: k.c.siteId, targetType: 'enrolment', targetId: e!.id, after: { status } });
		await tell(tx, k, me.userId, status as TrainingMailKind);
		return enrolmentView(tx, e!.id);
	});
}

/** An enrolment with its class, if the actor is its person or manages the course; otherwise 404 (audited). */
async function enrolmentOf(actor: Actor, id: string, action: string, staffOnly = false) {
	await requireAccess(actor, Permission.ProfileRead, null);
	const [e] = isUuid(id) ? await db().select().from(enrolment).where(eq(enrolment.id, id)) : [];
	const k = e ? await classRow(e.classId) : null;
	const staff = !!k && (await can(actor, Permission.TrainingManage, { siteId: k.c.siteId }));
	if (!e || !k || (!staff && (staffOnly || actor.kind !== 'user' || e.userId !== actor.userId))) {
		await audit(db(), actor, { action, outcome: 'denied', siteId: k?.c.siteId ?? null, targetType: 'enrolment', targetId: id });
		throw notFound('err_enrolment_not_found');
	}
	return { e, k };
}

/** Give a freed seat to the first on the waiting list, who hears of it. */
async function promote(tx: Tx, k: ClassJoined, actor: Actor) {
	const [next] = await tx.select().from(enrolment).where(and(eq(enrolment.classId, k.k.id), eq(enrolment.status, 'waitlisted'))).orderBy(asc(enrolment.queuedAt), asc(enrolment.id)).limit(1);
	if (!next) return;
	await tx.update(enrolment).set({ status: 'enrolled', updatedAt: sql`now()` }).where(eq(enrolment.id, next.id));
	await audit(tx, actor, { action: 'enrolment.promote', siteId: k.c.siteId, targetType: 'enrolment', targetId: next.id, before: { status: 'waitlisted' }, after: { status: 'enrolled' } });
	await tell(tx, k, next.userId, 'promoted');
}

/** Cancel a request or a seat before the class ends (the person, or the course's managers); a freed seat goes to the next in line. */
export async function cancelEnrolment(actor: Actor, id: string, now = new Date()): Promise<PublicEnrolment> {
	const { e, k } = await enrolmentOf(actor, id, 'enrolment.cancel');
	// An ended class's list is its record (attendance, scores, certificates): it no longer changes.
	if (k.lastEnd && k.lastEnd <= now) throw new AppError('CONFLICT', 'err_class_ended');
	return db().transaction(async (tx) => {
		await lockSeats(tx, k.k.id);
		const [now] = await tx.select({ status: enrolment.status }).from(enrolment).where(eq(enrolment.id, e.id));
		if (!active.includes(now!.status)) throw new AppError('CONFLICT', 'err_enrolment_closed');
		await tx.update(enrolment).set({ status: 'cancelled', updatedAt: sql`now()` }).where(eq(enrolment.id, e.id));
		await audit(tx, actor, { action: 'enrolment.cancel', siteId: k.c.siteId, targetType: 'enrolment', targetId: e.id, before: { status: now!.status }, after: { status: 'cancelled' } });
		if (now!.status === 'enrolled') await promote(tx, k, actor);
		return enrolmentView(tx, e.id);
	});
}

/** Approve a request for a restricted class (a seat if one is free, else the waiting list), or decline it with a reason. */
export async function decideEnrolment(actor: Actor, id: string, input: unknown): Promise<PublicEnrolment> {
	const { e, k } = await enrolmentOf(actor, id, 'enrolment.decide', true);
	const data = parse(zEnrolmentDecision, input);
	return db().transaction(async (tx) => {
		const taken = await lockSeats(tx, k.k.id);
		const [now] = await tx.select({ status: enrolment.status }).from(enrolment).where(eq(enrolment.id, e.id));
		if (now!.status !== 'pending') throw new AppError('CONFLICT', 'err_enrolment_decided');
		const status: EnrolmentStatus = data.decision === 'decline' ? 'declined' : taken < k.k.capacity ? 'enrolled' : 'waitlisted';
		await tx.update(enrolment).set({ status, reason: data.reason, updatedAt: sql`now()` }).where(eq(enrolment.id, e.id));
		await audit(tx, actor, { action: 'enrolment.decide', siteId: k.c.siteId, targetType: 'enrolment', targetId: e.id, before: { status: 'pending' }, after: { status, reason: data.reason } });
		await tell(tx, k, e.userId, status as TrainingMailKind, data.reason);
		return enrolmentView(tx, e.id);
	});
}

/** A class's requests, seats and waiting list in order (the course's managers and the class's trainers). */
export async function classEnrolments(actor: Actor, classId: string): Promise<PublicEnrolment[]> {
	await requireTeacher(actor, await classRow(classId), false);
	const rows = await db().select({ id: enrolment.id }).from(enrolment).where(eq(enrolment.classId, classId)).orderBy(sql`array_position(ARRAY['enrolled','pending','waitlisted','cancelled','declined']::enrolment_status[], ${enrolment.status})`, asc(enrolment.queuedAt), asc(enrolment.id));
	return Promise.all(rows.map((r) => enrolmentView(db(), r.id)));
}

export interface MyEnrolment extends PublicEnrolment {
	classTitle: string;
	courseTitle: string;
	courseSlug: string;
	siteSlug: string;
	siteName: string;
	timeZone: string;
	firstStart: string | null;
}

/** My requests, seats and places on waiting lists, the newest first. */
export async function myEnrolments(actor: Actor): Promise<MyEnrolment[]> {
	const me = await requireUser(actor, Permission.ProfileRead);
	const rows = await db().select({ id: enrolment.id, classId: enrolment.classId }).from(enrolment).where(eq(enrolment.userId, me.userId)).orderBy(desc(enrolment.queuedAt));
	return Promise.all(
		rows.map(async (r) => {
			const [view, k] = await Promise.all([enrolmentView(db(), r.id), classRow(r.classId)]);
			return { ...view, classTitle: k.k.title, courseTitle: k.c.title, courseSlug: k.c.slug, siteSlug: k.siteSlug, siteName: k.siteName, timeZone: k.timeZone, firstStart: k.firstStart?.toISOString() ?? null };
		})
	);
}

export type { ClassRow };
