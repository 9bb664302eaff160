import crypto from 'node:crypto';
import { and, asc, desc, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm';
import { db, pgCode, type Tx } from '../db/client.ts';
import { cohortMember, mentorProfile, mentorSession, officeHours, programme, type ActionItem } from './schema.ts';
import { organization, orgMember, site, siteRole } from '../directory/schema.ts';
import { booking, resource } from '../facilities/schema.ts';
import { user } from '../auth/schema.ts';
import { can, isOrgMember, Permission, requireAccess, requireUser } from '../auth/access.ts';
import type { Actor, UserActor } from '../auth/actor.ts';
import { loadActor } from '../auth/load-actor.ts';
import { audit } from '../platform/audit.ts';
import { enqueue } from '../platform/outbox.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { parse } from '../../schemas/validate.ts';
import { isUuid } from '../../schemas/common.ts';
import { zBookSession, zMentorProfile, zOfficeHours, zSessionFeedback, zSessionNotes, zSlotQuery } from '../../schemas/incubation.ts';
import { addDays, localParts, zonedInstant } from '../facilities/time.ts';
import { calendar } from '../facilities/ical.ts';
import { cancelBooking, createBooking } from '../facilities/booking.service.ts';
import { readConfig } from '../config.ts';
import { log } from '../log.ts';
import { memberRow, programmeRow } from './cohort.service.ts';
import { sessionMail } from './mail.ts';
import { asLocale, formatDateTime, formatTime } from '../../i18n/format.ts';
import { host } from '../directory/host.ts';

/** No session can be booked closer to its start than this. */
const NOTICE_MS = 2 * 3_600_000;
/** How far ahead a mentor's slots are offered. */
const AHEAD_DAYS = 28;

// ── Mentors ────────────────────────────────────────────────────────────────────────────────

export interface PublicMentor {
	id: string;
	name: string;
	headline: string;
	bio: string;
	expertise: string[];
	languages: string[];
	organization: { name: string; slug: string } | null;
	timeZone: string;
	sites: { id: string; slug: string; name: string }[];
}

/** People who mentor (the `mentor` role at a park), with their profiles; at one park with `site`. */
async function mentorsWhere(filter: { site?: string; id?: string }): Promise<PublicMentor[]> {
	const roles = await db()
		.select({ userId: siteRole.userId, siteId: site.id, slug: site.slug, siteName: site.name })
		.from(siteRole)
		.innerJoin(site, eq(site.id, siteRole.siteId))
		.where(and(eq(siteRole.role, 'mentor'), filter.id ? eq(siteRole.userId, filter.id) : undefined));
	const ids = [...new Set(roles.filter((r) => !filter.site || r.slug === filter.site || r.siteId === filter.site).map((r) => r.userId))];
	if (!ids.length) return [];
	const rows = await db()
		.select({ id: user.id, name: user.name, p: mentorProfile, orgName: organization.name, orgSlug: organization.slug })
		.from(user)
		.leftJoin(mentorProfile, eq(mentorProfile.userId, user.id))
		.leftJoin(organization, eq(organization.id, mentorProfile.organizationId))
		.where(inArray(user.id, ids))
		.orderBy(asc(user.name));
	return rows
		.filter((r) => r.p?.active !== false)
		.map((r) => ({
			id: r.id,
			name: r.name,
			headline: r.p?.headline ?? '',
			bio: r.p?.bio ?? '',
			expertise: r.p?.expertise ?? [],
			languages: r.p?.languages ?? ['id'],
			organization: r.orgName ? { name: r.orgName, slug: r.orgSlug! } : null,
			timeZone: r.p?.timeZone ?? 'Asia/Jakarta',
			sites: roles.filter((x) => x.userId === r.id).map((x) => ({ id: x.siteId, slug: x.slug, name: x.siteName }))
		}));
}

/** Mentors of the network, or of one park (`site`: id or slug); optionally by expertise or name. Public. */
export async function listMentors(input: { site?: string; q?: string } = {}): Promise<PublicMentor[]> {
	const all = await mentorsWhere({ site: input.site });
	const q = input.q?.trim().toLowerCase();
	return q ? all.filter((x) => x.name.toLowerCase().includes(q) || x.headline.toLowerCase().includes(q) || x.expertise.some((e) => e.toLowerCase().includes(q))) : all;
}

export async function getMentor(id: string): Promise<PublicMentor & { hours: PublicOfficeHours[] }> {
	const [m] = await mentorsWhere({ id });
	if (!m) throw notFound('err_mentor_not_found');
	return { ...m, hours: await hoursOf(id) };
}

async function requireMentor(actor: Actor): Promise<UserActor> {
	const me = await requireUser(actor, Permission.ProfileUpdate);
	if (!me.roles.some((r) => r.role === 'mentor')) {
		await audit(db(), actor, { action: 'mentor.profile', outcome: 'denied' });
		throw new AppError('FORBIDDEN', 'err_not_a_mentor');
	}
	return me;
}

/** A mentor writes their own profile. */
export async function saveMentorProfile(actor: Actor, input: unknown): Promise<PublicMentor> {
	const me = await requireMentor(actor);
	const data = parse(zMentorProfile, input);
	if (data.organizationId) {
		const [o] = await db().select({ id: organization.id }).from(organization).where(eq(organization.id, data.organizationId));
		if (!o) throw new AppError('VALIDATION', 'err_validation', {}, [{ field: 'organizationId', key: 'err_org_not_found' }]);
	}
	await db().transaction(async (tx) => {
		const values = { ...data, organizationId: data.organizationId ?? null };
		await tx.insert(mentorProfile).values({ userId: me.userId, ...values }).onConflictDoUpdate({ target: mentorProfile.userId, set: { ...values, updatedAt: sql`now()` } });
		await audit(tx, actor, { action: 'mentor.profile', targetType: 'user', targetId: me.userId, after: values });
	});
	return (await mentorsWhere({ id: me.userId }))[0]!;
}

export interface PublicOfficeHours {
	id: string;
	weekday: number;
	startsAt: string;
	endsAt: string;
	slotMinutes: number;
	online: boolean;
	siteId: string | null;
	siteName: string | null;
}

async function hoursOf(mentorId: string): Promise<PublicOfficeHours[]> {
	const rows = await db().select({ h: officeHours, siteName: site.name }).from(officeHours).leftJoin(site, eq(site.id, officeHours.siteId)).where(eq(officeHours.mentorId, mentorId)).orderBy(asc(officeHours.weekday), asc(officeHours.startsAt));
	return rows.map(({ h, siteName }) => ({ id: h.id, weekday: h.weekday, startsAt: h.startsAt, endsAt: h.endsAt, slotMinutes: h.slotMinutes, online: h.online, siteId: h.siteId, siteName }));
}

/** A mentor replaces their weekly office hours (in their own zone). On-site hours name a park where they mentor. */
export async function setOfficeHours(actor: Actor, input: unknown): Promise<PublicOfficeHours[]> {
	const me = await requireMentor(actor);
	const { hours } = parse(zOfficeHours, input);
	const mine = new Set(me.roles.filter((r) => r.role === 'mentor').map((r) => r.siteId));
	hours.forEach((h, i) => {
		if (h.siteId && !mine.has(h.siteId)) throw new AppError('VALIDATION', 'err_validation', {}, [{ field: `hours.${i}.siteId`, key: 'err_office_hours_site' }]);
	});
	await db().transaction(async (tx) => {
		await tx.delete(officeHours).where(eq(officeHours.mentorId, me.userId));
		if (hours.length) await tx.insert(officeHours).values(hours.map((h) => ({ ...h, siteId: h.siteId ?? null, mentorId: me.userId })));
		await audit(tx, actor, { action: 'mentor.office_hours', targetType: 'user', targetId: me.userId, after: hours });
	});
	return hoursOf(me.userId);
}

// ── Slots ──────────────────────────────────────────────────────────────────────────────────

export interface Slot {
	startsAt: string;
	endsAt: string;
	online: boolean;
	siteId: string | null;
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * A mentor's free slots from now for `days` days: each office-hours window in the mentor's zone
 * cut into slots, less those taken by their booked sessions and those too close to now.
 */
export async function freeSlots(mentorId: string, input: unknown = {}, now = new Date()): Promise<Slot[]> {
	const { days } = parse(zSlotQuery, input);
	const [m] = await mentorsWhere({ id: mentorId });
	if (!m) throw notFound('err_mentor_not_found');
	const hours = await hoursOf(mentorId);
	const today = localParts(now, m.timeZone).date;
	const until = new Date(now.getTime() + (days + 1) * 86_400_000);
	const taken = await db()
		.select({ s: mentorSession.startsAt, e: mentorSession.endsAt })
		.from(mentorSession)
		.where(and(eq(mentorSession.mentorId, mentorId), eq(mentorSession.status, 'booked'), lt(mentorSession.startsAt, until), gt(mentorSession.endsAt, now)));
	const out: Slot[] = [];
	for (let d = 0; d <= days; d++) {
		const date = addDays(today, d);
		const weekday = Number(localParts(zonedInstant(date, 12 * 60, m.timeZone), m.timeZone).weekday);
		for (const h of hours.filter((x) => x.weekday === weekday)) {
			for (let t = toMinutes(h.startsAt); t + h.slotMinutes <= toMinutes(h.endsAt); t += h.slotMinutes) {
				const s = zonedInstant(date, t, m.timeZone);
				const e = new Date(s.getTime() + h.slotMinutes * 60_000);
				if (s.getTime() - now.getTime() < NOTICE_MS) continue;
				if (taken.some((x) => x.s < e && x.e > s)) continue;
				out.push({ startsAt: s.toISOString(), endsAt: e.toISOString(), online: h.online, siteId: h.siteId });
			}
		}
	}
	return out;
}

// ── Sessions ───────────────────────────────────────────────────────────────────────────────

type SessionRow = typeof mentorSession.$inferSelect;

export interface PublicSession {
	id: string;
	mentor: { id: string; name: string };
	startup: { memberId: string; name: string; slug: string };
	programme: { id: string; name: string; slug: string; siteSlug: string };
	bookedBy: string | null;
	team: boolean;
	topic: string;
	startsAt: string;
	endsAt: string;
	timeZone: string;
	mode: SessionRow['mode'];
	meetingUrl: string | null;
	room: { name: string; location: string } | null;
	status: SessionRow['status'];
	notes: string;
	actionItems: ActionItem[];
	mentorRating: number | null;
	mentorFeedback: string;
	startupRating: number | null;
	startupFeedback: string;
	/** Who is reading: the mentor, the startup's people, or the park's staff. */
	as: 'mentor' | 'startup' | 'staff';
}

const sessionBase = () =>
	db()
		.select({ s: mentorSession, mentorName: user.name, orgName: organization.name, orgSlug: organization.slug, orgId: organization.id, p: programme, siteSlug: host.siteSlug, timeZone: host.timeZone, roomName: resource.name, roomLocation: resource.location, bookedByName: sql<string | null>`(SELECT name FROM "user" WHERE id = ${mentorSession.bookedBy})` })
		.from(mentorSession)
		.innerJoin(user, eq(user.id, mentorSession.mentorId))
		.innerJoin(cohortMember, eq(cohortMember.id, mentorSession.memberId))
		.innerJoin(organization, eq(organization.id, cohortMember.organizationId))
		.innerJoin(programme, eq(programme.id, cohortMember.programmeId))
		.leftJoin(site, eq(site.id, programme.siteId))
		.leftJoin(booking, eq(booking.id, mentorSession.bookingId))
		.leftJoin(resource, eq(resource.id, booking.resourceId));
type SessionJoined = Awaited<ReturnType<typeof sessionBase>>[number];

const toSession = (r: SessionJoined, as: PublicSession['as']): PublicSession => ({
	id: r.s.id,
	mentor: { id: r.s.mentorId, name: r.mentorName },
	startup: { memberId: r.s.memberId, name: r.orgName, slug: r.orgSlug },
	programme: { id: r.p.id, name: r.p.name, slug: r.p.slug, siteSlug: r.siteSlug },
	bookedBy: r.bookedByName,
	team: r.s.team,
	topic: r.s.topic,
	startsAt: r.s.startsAt.toISOString(),
	endsAt: r.s.endsAt.toISOString(),
	timeZone: r.timeZone,
	mode: r.s.mode,
	meetingUrl: r.s.meetingUrl,
	room: r.roomName ? { name: r.roomName, location: r.roomLocation ?? '' } : null,
	status: r.s.status,
	notes: r.s.notes,
	actionItems: r.s.actionItems,
	mentorRating: r.s.mentorRating,
	mentorFeedback: r.s.mentorFeedback,
	startupRating: r.s.startupRating,
	startupFeedback: r.s.startupFeedback,
	as
});

async function sessionRow(id: string): Promise<SessionJoined> {
	if (!isUuid(id)) throw notFound('err_session_not_found');
	const [r] = await sessionBase().where(eq(mentorSession.id, id));
	if (!r) throw notFound('err_session_not_found');
	return r;
}

/** The mentor, the startup's people and the park's staff see a session; anyone else gets 404 (audited). */
async function sessionAccess(actor: Actor, r: SessionJoined, write = false): Promise<PublicSession['as']> {
	if (actor.kind === 'user') {
		if (write && actor.scope !== 'write') throw new AppError('FORBIDDEN', 'err_token_read_only');
		if (actor.userId === r.s.mentorId) return 'mentor';
		if (await isOrgMember(r.orgId, actor.userId)) return 'startup';
		if (await can(actor, write ? Permission.ProgrammeManage : Permission.ApplicationRead, { siteId: r.p.siteId })) return 'staff';
	}
	if (actor.kind === 'system') return 'staff';
	await audit(db(), actor, { action: 'session.read', outcome: 'denied', siteId: r.p.siteId, targetType: 'mentor_session', targetId: r.s.id });
	if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED', 'err_unauthenticated');
	throw notFound('err_session_not_found');
}

/** Refuse someone who may see the session but not do this to it (audited, like every denial). */
async function refuse(actor: Actor, r: SessionJoined, action: string, key: string): Promise<never> {
	await audit(db(), actor, { action, outcome: 'denied', siteId: r.p.siteId, targetType: 'mentor_session', targetId: r.s.id });
	throw new AppError('FORBIDDEN', key);
}

export async function getSession(actor: Actor, id: string): Promise<PublicSession> {
	const r = await sessionRow(id);
	return toSession(r, await sessionAccess(actor, r));
}

/** My sessions: those I mentor and those of my startups, soonest first, then the past. */
export async function mySessions(actor: Actor): Promise<PublicSession[]> {
	const me = await requireUser(actor, Permission.ProfileRead);
	const orgs = db().select({ id: orgMember.orgId }).from(orgMember).where(eq(orgMember.userId, me.userId));
	const rows = await sessionBase()
		.where(sql`${mentorSession.mentorId} = ${me.userId} OR ${organization.id} IN (${orgs})`)
		.orderBy(desc(mentorSession.startsAt))
		.limit(500);
	return rows.map((r) => toSession(r, r.s.mentorId === me.userId ? 'mentor' : 'startup'));
}

/** Hours of booked sessions a startup has used in its programme. */
async function usedHours(tx: Tx, memberId: string): Promise<number> {
	const [u] = await tx.select({ h: sql<number>`coalesce(sum(extract(epoch FROM ${mentorSession.endsAt} - ${mentorSession.startsAt})), 0)::float / 3600` }).from(mentorSession).where(and(eq(mentorSession.memberId, memberId), eq(mentorSession.status, 'booked')));
	return u!.h;
}

const jitsiRoom = () => `${readConfig().jitsiUrl}/Taman-${crypto.randomBytes(10).toString('hex')}`;

function sessionIcsText(r: Pick<PublicSession, 'id' | 'mentor' | 'startup' | 'startsAt' | 'endsAt' | 'timeZone' | 'meetingUrl' | 'room' | 'topic' | 'status'>) {
	const where = r.meetingUrl ?? (r.room ? `${r.room.name}${r.room.location ? `, ${r.room.location}` : ''}` : '');
	return calendar({
		name: 'Taman',
		events: [{ uid: `session-${r.id}@taman`, start: new Date(r.startsAt), end: new Date(r.endsAt), summary: `Mentoring: ${r.mentor.name} × ${r.startup.name}`, location: where, description: r.topic, url: r.meetingUrl ?? undefined, status: r.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED', timeZone: r.timeZone }]
	});
}

/** The session as an iCalendar file, for whoever may see it. */
export async function sessionIcs(actor: Actor, id: string): Promise<string> {
	return sessionIcsText(await getSession(actor, id));
}

async function mailBoth(tx: Tx, s: PublicSession, kind: 'booked' | 'cancelled' | 'reminder', bookerId: string | null) {
	const ids = [s.mentor.id, ...(bookerId ? [bookerId] : [])];
	const people = await tx.select({ id: user.id, email: user.email, name: user.name, locale: user.locale }).from(user).where(inArray(user.id, ids));
	const ics = sessionIcsText(s);
	for (const p of people) {
		const locale = asLocale(p.locale);
		const when = `${formatDateTime(s.startsAt, locale, s.timeZone)}–${formatTime(s.endsAt, locale, s.timeZone)}`;
		const where = s.meetingUrl ?? (s.room ? `${s.room.name}${s.room.location ? `, ${s.room.location}` : ''}` : '');
		await enqueue(tx, 'email', sessionMail(locale, kind, { to: p.email, name: p.name, mentor: s.mentor.name, startup: s.startup.name, when, where, link: `${readConfig().origin}/mentoring/${s.id}`, ics }));
	}
}

/**
 * A startup's person books a session with a mentor of the park, in one of the mentor's free
 * slots, within the programme's allowance of mentoring hours per startup. Online sessions get a
 * Jitsi Meet room; on-site ones book a meeting room of the park through the facilities service in
 * the same transaction, so the room is really held (its rules and the startup's plan apply).
 * A programme of the network may book any park's mentor, on site at the park of the hours chosen.
 */
export async function bookSession(actor: Actor, input: unknown, now = new Date()): Promise<PublicSession> {
	const me = await requireUser(actor, Permission.BookingCreate);
	const data = parse(zBookSession, input);
	const r = await memberRow(data.memberId);
	const mine = await isOrgMember(r.org.id, me.userId);
	if (!mine && !(await can(me, Permission.ProgrammeManage, { siteId: r.p.siteId }))) {
		await audit(db(), actor, { action: 'session.book', outcome: 'denied', siteId: r.p.siteId, targetType: 'cohort_member', targetId: r.m.id });
		throw notFound('err_cohort_member_not_found');
	}
	const [mentor] = await mentorsWhere({ id: data.mentorId });
	if (!mentor || (r.p.siteId && !mentor.sites.some((s) => s.id === r.p.siteId))) throw new AppError('VALIDATION', 'err_validation', {}, [{ field: 'mentorId', key: 'err_mentor_not_here', params: { site: r.siteName } }]);
	const slot = (await freeSlots(mentor.id, { days: AHEAD_DAYS }, now)).find((s) => s.startsAt === data.startsAt.toISOString());
	if (!slot) throw new AppError('CONFLICT', 'err_session_slot');
	if (data.mode === 'online' && !slot.online) throw new AppError('VALIDATION', 'err_validation', {}, [{ field: 'mode', key: 'err_session_on_site_only' }]);
	if (data.mode === 'on_site') {
		// On site means at this programme's park (the network's: the park of the hours chosen), in one of its meeting rooms, in hours the mentor offers there.
		const park = r.p.siteId ?? slot.siteId;
		if (!slot.siteId || slot.siteId !== park) throw new AppError('VALIDATION', 'err_validation', {}, [{ field: 'mode', key: 'err_session_online_only' }]);
		if (!data.resourceId) throw new AppError('VALIDATION', 'err_validation', {}, [{ field: 'resourceId', key: 'err_field_required' }]);
		const [room] = await db().select({ siteId: resource.siteId, kind: resource.kind }).from(resource).where(eq(resource.id, data.resourceId));
		if (!room || room.siteId !== park || (room.kind !== 'meeting_room' && room.kind !== 'hall')) throw new AppError('VALIDATION', 'err_validation', {}, [{ field: 'resourceId', key: 'err_session_room', params: { site: r.siteName } }]);
	}
	const start = new Date(slot.startsAt);
	const end = new Date(slot.endsAt);
	const limit = r.p.mentoringHours;
	const id = await db()
		.transaction(async (tx) => {
			// One booking per startup at a time, so two people of one startup cannot both spend its last hours.
			await tx.select({ id: cohortMember.id }).from(cohortMember).where(eq(cohortMember.id, r.m.id)).for('update');
			const used = await usedHours(tx, r.m.id);
			const hours = (end.getTime() - start.getTime()) / 3_600_000;
			if (limit !== null && used + hours > limit + 1e-9) throw new AppError('CONFLICT', 'err_mentoring_allowance', { used: Math.round(used * 100) / 100, limit });
			const [s] = await tx
				.insert(mentorSession)
				.values({ mentorId: mentor.id, memberId: r.m.id, bookedBy: me.userId, team: data.team, topic: data.topic, startsAt: start, endsAt: end, mode: data.mode, meetingUrl: data.mode === 'online' ? jitsiRoom() : null })
				.returning();
			if (data.mode === 'on_site') {
				const made = await createBooking(me, { resourceId: data.resourceId, startsAt: slot.startsAt, endsAt: slot.endsAt, title: `Mentoring: ${mentor.name} × ${r.org.name}`, organizationId: mine ? r.org.id : undefined }, now, tx);
				await tx.update(mentorSession).set({ bookingId: made.bookings[0]!.id }).where(eq(mentorSession.id, s!.id));
			}
			await audit(tx, actor, { action: 'session.book', siteId: r.p.siteId, targetType: 'mentor_session', targetId: s!.id, after: { mentorId: mentor.id, memberId: r.m.id, startsAt: start, endsAt: end, mode: data.mode } });
			return s!.id;
		})
		.catch((e: unknown) => {
			if (pgCode(e) === '23P01') throw new AppError('CONFLICT', 'err_session_slot');
			throw e;
		});
	const s = toSession(await sessionRow(id), mine ? 'startup' : 'staff');
	await db().transaction((tx) => mailBoth(tx, s, 'booked', me.userId));
	return s;
}

/** The mentor, the startup's people or staff cancel a session before it starts: its hours come back, its room is freed. */
export async function cancelSession(actor: Actor, id: string, now = new Date()): Promise<PublicSession> {
	const r = await sessionRow(id);
	const as = await sessionAccess(actor, r, true);
	if (r.s.status === 'cancelled') throw new AppError('CONFLICT', 'err_session_cancelled');
	if (r.s.startsAt <= now) throw new AppError('CONFLICT', 'err_session_started');
	await db().transaction(async (tx) => {
		const [done] = await tx.update(mentorSession).set({ status: 'cancelled', cancelledAt: now }).where(and(eq(mentorSession.id, id), eq(mentorSession.status, 'booked'))).returning({ id: mentorSession.id });
		if (!done) throw new AppError('CONFLICT', 'err_session_cancelled');
		await audit(tx, actor, { action: 'session.cancel', siteId: r.p.siteId, targetType: 'mentor_session', targetId: id, before: { status: r.s.status } });
		await mailBoth(tx, toSession({ ...r, s: { ...r.s, status: 'cancelled' } }, as), 'cancelled', r.s.bookedBy);
	});
	// The room through the facilities service, as its booker (it is theirs), so its hours go back to the startup's plan too.
	const booker = r.s.bookingId && r.s.bookedBy ? await loadActor(r.s.bookedBy, 'write', 'session') : null;
	if (booker) await cancelBooking(booker, r.s.bookingId!, { reason: 'Sesi mentoring dibatalkan' }, now).catch((e: unknown) => log.warn({ err: e, sessionId: id }, 'the room of a cancelled session was not released'));
	return getSession(actor, id);
}

/**
 * The mentor writes the session's notes and action items; staff read them. The startup's people
 * tick action items off: they send the same items with other `done` flags, and nothing else changes.
 */
export async function saveNotes(actor: Actor, id: string, input: unknown): Promise<PublicSession> {
	const r = await sessionRow(id);
	const as = await sessionAccess(actor, r, true);
	if (as === 'staff') await refuse(actor, r, 'session.notes', 'err_session_mentor_only');
	const data = parse(zSessionNotes, input);
	if (as === 'startup') {
		const same = data.actionItems.length === r.s.actionItems.length && data.actionItems.every((a, i) => a.text === r.s.actionItems[i]!.text);
		if (!same) await refuse(actor, r, 'session.notes', 'err_session_mentor_only');
	}
	await db().transaction(async (tx) => {
		await tx.update(mentorSession).set(as === 'mentor' ? { notes: data.notes, actionItems: data.actionItems } : { actionItems: data.actionItems }).where(eq(mentorSession.id, id));
		await audit(tx, actor, { action: as === 'mentor' ? 'session.notes' : 'session.action_items', siteId: r.p.siteId, targetType: 'mentor_session', targetId: id, after: { actionItems: data.actionItems } });
	});
	return getSession(actor, id);
}

/** Feedback both ways once the session has begun: the mentor rates the startup's session, the startup rates the mentor. */
export async function giveFeedback(actor: Actor, id: string, input: unknown, now = new Date()): Promise<PublicSession> {
	const r = await sessionRow(id);
	const as = await sessionAccess(actor, r, true);
	if (as === 'staff') await refuse(actor, r, 'session.feedback', 'err_session_participants_only');
	const data = parse(zSessionFeedback, input);
	if (r.s.status === 'cancelled') throw new AppError('CONFLICT', 'err_session_cancelled');
	if (r.s.startsAt > now) throw new AppError('CONFLICT', 'err_session_not_yet');
	await db().transaction(async (tx) => {
		await tx.update(mentorSession).set(as === 'mentor' ? { mentorRating: data.rating, mentorFeedback: data.comment } : { startupRating: data.rating, startupFeedback: data.comment }).where(eq(mentorSession.id, id));
		await audit(tx, actor, { action: 'session.feedback', siteId: r.p.siteId, targetType: 'mentor_session', targetId: id, after: { side: as, rating: data.rating } });
	});
	return getSession(actor, id);
}

export interface MentoringReport {
	allowance: number | null;
	mentors: { id: string; name: string; sessions: number; hours: number; rating: number | null }[];
	startups: { memberId: string; name: string; slug: string; sessions: number; hours: number; upcoming: number }[];
}

/** Mentor hours of a programme: per mentor (with the startups' mean rating) and per startup against its allowance (staff). */
export async function mentoringReport(actor: Actor, programmeId: string, now = new Date()): Promise<MentoringReport> {
	const { p } = await programmeRow(programmeId);
	await requireAccess(actor, Permission.ApplicationRead, { siteId: p.siteId });
	// Held = begun by `now`; counted on session ids, so a startup without sessions (left join) counts none.
	const hours = sql<number>`coalesce(sum(extract(epoch FROM ${mentorSession.endsAt} - ${mentorSession.startsAt})) FILTER (WHERE ${mentorSession.startsAt} <= ${now}), 0)::float / 3600`;
	const held = sql<number>`count(${mentorSession.id}) FILTER (WHERE ${mentorSession.startsAt} <= ${now})::int`;
	const booked = and(eq(cohortMember.programmeId, programmeId), eq(mentorSession.status, 'booked'));
	const mentors = await db()
		.select({ id: user.id, name: user.name, sessions: held, hours, rating: sql<number | null>`avg(${mentorSession.startupRating})::float` })
		.from(mentorSession)
		.innerJoin(cohortMember, eq(cohortMember.id, mentorSession.memberId))
		.innerJoin(user, eq(user.id, mentorSession.mentorId))
		.where(booked)
		.groupBy(user.id, user.name)
		.orderBy(asc(user.name));
	const startups = await db()
		.select({ memberId: cohortMember.id, name: organization.name, slug: organization.slug, sessions: held, hours, upcoming: sql<number>`count(${mentorSession.id}) FILTER (WHERE ${mentorSession.startsAt} > ${now})::int` })
		.from(cohortMember)
		.innerJoin(organization, eq(organization.id, cohortMember.organizationId))
		.leftJoin(mentorSession, and(eq(mentorSession.memberId, cohortMember.id), eq(mentorSession.status, 'booked')))
		.where(eq(cohortMember.programmeId, programmeId))
		.groupBy(cohortMember.id, organization.name, organization.slug)
		.orderBy(asc(organization.name));
	return { allowance: p.mentoringHours, mentors, startups };
}

/** Remind the mentor and the booker of a session the day before (once), with its .ics. Run by the worker. */
export async function sessionReminders(now = new Date()): Promise<number> {
	return db().transaction(async (tx) => {
		const due = await tx
			.select({ id: mentorSession.id })
			.from(mentorSession)
			.where(and(eq(mentorSession.status, 'booked'), isNull(mentorSession.remindedAt), gt(mentorSession.startsAt, now), lt(mentorSession.startsAt, new Date(now.getTime() + 86_400_000))))
			.for('update', { skipLocked: true });
		for (const { id } of due) {
			const [r] = await sessionBase().where(eq(mentorSession.id, id));
			await mailBoth(tx, toSession(r!, 'staff'), 'reminder', r!.s.bookedBy);
			await tx.update(mentorSession).set({ remindedAt: now }).where(eq(mentorSession.id, id));
		}
		return due.length;
	});
}
