import { and, asc, desc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import crypto from 'node:crypto';
import { db, pgCode, type Tx } from '../db/client.ts';
import { booking, blackout, holdingStatuses, loan, resource, type bookingStatuses } from './schema.ts';
import { missingQualification } from './qualification.service.ts';
import { orgMember, site, tenancy } from '../directory/schema.ts';
import { user } from '../auth/schema.ts';
import { can, Permission, requireAccess, requireUser } from '../auth/access.ts';
import { isNetworkAdmin, rolesAt, type Actor, type UserActor } from '../auth/actor.ts';
import { audit } from '../platform/audit.ts';
import { currentLocale } from '../platform/context.ts';
import { t } from '../http/translate.ts';
import { enqueue } from '../platform/outbox.ts';
import { AppError, notFound, type FieldError } from '../platform/errors.ts';
import { parse } from '../../schemas/validate.ts';
import { isUuid } from '../../schemas/common.ts';
import { zAvailabilityQuery, zBookingQuery, zChangeBooking, zCreateBooking, zDecision, type Recurrence } from '../../schemas/facilities.ts';
import { formatDateTime, formatTime, zoneLabel } from '../../i18n/format.ts';
import { getResourceFull, type ResourceRow } from './resource.service.ts';
import { closedDays, type ClosedDay } from './holidays.ts';
import { addDays, daysBetween, localParts, zonedInstant } from './time.ts';
import type { OpeningHours } from '../directory/schema.ts';
import { clock, dayBefore, openDuring, openings } from '../../hours.ts';
import { getSiteRow } from '../directory/site.service.ts';
import { bookingMail } from './mail.ts';
import { calendar } from './ical.ts';
import { bookingEvent } from './feed.service.ts';
import { chargeBookings, refundBooking } from './plan.service.ts';
import { blackoutsAt } from './closure.service.ts';

type BookingRow = typeof booking.$inferSelect;
type Status = (typeof bookingStatuses)[number];

/** How long after its start a booking that nobody checked in to is released for others. */
export const NO_SHOW_GRACE_MINUTES = 15;
/** How early before its start the booker may check in. */
export const CHECK_IN_EARLY_MINUTES = 15;
const MAX_OCCURRENCES = 52;

const range = (start: Date, end: Date) => `[${start.toISOString()},${end.toISOString()})`;
const heldOf = (r: ResourceRow, start: Date, end: Date) => range(start, new Date(end.getTime() + r.bufferMinutes * 60000));

/**
 * "24 November 2026, 09.00 WITA–10.00": a slot in the park's zone, in the language of the request
 * it answers (or of the e-mail's recipient, when given).
 */
function slotText(start: Date, end: Date, tz: string, locale: string = currentLocale()) {
	const l = locale === 'en' ? 'en' : 'id';
	return `${formatDateTime(start, l, tz)}–${formatTime(end, l, tz)}`;
}

/** A refusal that is audited like every other denial, naming what is missing. */
async function deny(actor: UserActor, action: string, siteId: string, key: string, params: Record<string, string | number> = {}): Promise<never> {
	await audit(db(), actor, { action, outcome: 'denied', siteId, targetType: 'site', targetId: siteId, after: { reason: key, ...params } });
	throw new AppError('FORBIDDEN', key, params);
}

// ── Who may book ────────────────────────────────────────────────────────────────────────────

async function checkBooker(tx: Tx, me: UserActor, r: ResourceRow, orgId: string | null | undefined, siteName: string) {
	if (orgId) {
		const [m] = await tx.select().from(orgMember).where(and(eq(orgMember.orgId, orgId), eq(orgMember.userId, me.userId)));
		if (!m && !isNetworkAdmin(me)) await deny(me, 'booking.create', r.siteId, 'err_booking_not_org_member');
	}
	const staff = await can(me, Permission.BookingManage, { siteId: r.siteId }, tx);
	if (!staff) {
		if (r.bookableBy === 'site_members' && rolesAt(me, r.siteId).length === 0) await deny(me, 'booking.create', r.siteId, 'err_booking_members_only', { site: siteName });
		if (r.bookableBy === 'roles' && !rolesAt(me, r.siteId).some((x) => (r.bookableRoles as string[]).includes(x))) {
			await deny(me, 'booking.create', r.siteId, 'err_booking_roles_only', { site: siteName, roles: r.bookableRoles.map((x) => t(`role_${x}`, {}, currentLocale())).join(', ') });
		}
		if (r.bookableBy === 'tenants') {
			const rows = await tx
				.select({ orgId: tenancy.orgId })
				.from(tenancy)
				.innerJoin(orgMember, and(eq(orgMember.orgId, tenancy.orgId), eq(orgMember.userId, me.userId)))
				.where(and(eq(tenancy.siteId, r.siteId), eq(tenancy.status, 'active')));
			if (!rows.length || (orgId && !rows.some((x) => x.orgId === orgId))) await deny(me, 'booking.create', r.siteId, 'err_booking_tenants_only', { site: siteName });
		}
	}
	const missing = await missingQualification(tx, me.userId, r.qualificationId);
	if (missing !== null) await deny(me, 'booking.create', r.siteId, 'err_qualification_missing', { name: missing });
	return staff;
}

// ── Policy: hours, holidays, blackouts, notice, duration ────────────────────────────────────

interface Problem {
	key: string;
	params: Record<string, string | number>;
	status: 'VALIDATION' | 'CONFLICT';
}

/** Blackouts of a resource (its own and the whole site's) overlapping [from, to). */
const blackoutsOf = (r: ResourceRow, from: Date, to: Date) => blackoutsAt(r.siteId, from, to, r.id);

interface Closures {
	/** Holidays by local date. */
	days: Map<string, ClosedDay>;
	blackouts: Awaited<ReturnType<typeof blackoutsOf>>;
}

/** Everything that closes a resource between two instants, read once for a booking or a series. */
async function closuresOf(r: ResourceRow, tz: string, from: Date, to: Date): Promise<Closures> {
	// From the day before: an opening that runs past midnight belongs to the day it opens.
	const [blackouts, days] = await Promise.all([blackoutsOf(r, from, to), closedDays(db(), r.siteId, addDays(localParts(from, tz).date, -1), localParts(to, tz).date)]);
	return { days, blackouts };
}

function policyProblem(r: ResourceRow, hours: OpeningHours, tz: string, start: Date, end: Date, seats: number, now: Date, staff: boolean, closures: Closures): Problem | null {
	const v = (key: string, params: Record<string, string | number> = {}): Problem => ({ key, params, status: 'VALIDATION' });
	if (end <= start) return v('err_booking_range');
	if (seats > r.capacity) return v('err_booking_seats', { capacity: r.capacity });
	if (seats > 1 && !r.shared) return v('err_booking_seats', { capacity: 1 });
	const minutes = (end.getTime() - start.getTime()) / 60000;
	if (minutes < r.minMinutes) return v('err_booking_too_short', { minutes: r.minMinutes });
	if (minutes > r.maxMinutes) return v('err_booking_too_long', { minutes: r.maxMinutes });
	const a = localParts(start, tz);
	const b = localParts(end, tz);
	if (a.minutes % r.slotMinutes || b.minutes % r.slotMinutes || start.getUTCSeconds() || end.getUTCSeconds()) return v('err_booking_slot', { minutes: r.slotMinutes });
	if (!staff) {
		if (start < now) return v('err_booking_past');
		if (start.getTime() < now.getTime() + r.noticeMinutes * 60000) return v('err_booking_notice', { hours: Math.ceil(r.noticeMinutes / 60) });
		if (start.getTime() > now.getTime() + r.maxDaysAhead * 86_400_000) return v('err_booking_too_far', { days: r.maxDaysAhead });
	}
	if (!r.alwaysOpen) {
		// Within one opening: one of the start day's, or the day before's that runs past midnight.
		const prev = addDays(a.date, -1);
		const spans = [
			...openings(hours, dayBefore(a.weekday))
				.filter(([, c]) => c > 1440)
				.map(([o, c]) => ({ day: prev, from: zonedInstant(prev, o, tz), to: zonedInstant(prev, c, tz) })),
			...openings(hours, a.weekday).map(([o, c]) => ({ day: a.date, from: zonedInstant(a.date, o, tz), to: zonedInstant(a.date, c, tz) }))
		];
		const span = spans.find((s) => s.from <= start && end <= s.to);
		if (!span) return v('err_booking_closed');
		const closed = closures.days.get(span.day);
		if (closed) return v('err_booking_holiday', { name: closed.nameId });
	}
	const bo = closures.blackouts.find((b) => b.startsAt < end && b.endsAt > start);
	if (bo) return v('err_booking_blackout', { reason: bo.reason });
	return null;
}

/**
 * An open loan of the item overlapping [start, end): it is away from its due date back until it
 * is returned (an overdue item stays away). Only equipment is lent.
 */
async function loanConflict(tx: Tx, r: ResourceRow, start: Date, end: Date, tz: string): Promise<Problem | null> {
	if (r.class !== 'equipment') return null;
	const [l] = await tx
		.select({ dueAt: loan.dueAt })
		.from(loan)
		.where(and(eq(loan.resourceId, r.id), isNull(loan.returnedAt), sql`tstzrange(${loan.checkedOutAt}, greatest(${loan.dueAt}, now())) && ${heldOf(r, start, end)}::tstzrange`))
		.limit(1);
	return l ? { key: 'err_booking_on_loan', params: { due: formatDateTime(l.dueAt, currentLocale(), tz) }, status: 'CONFLICT' } : null;
}

/** The first slot-holding booking (or open loan) that a new booking at [start, end) would collide with. */
async function conflictWith(tx: Tx, r: ResourceRow, start: Date, end: Date, tz: string, exceptId?: string): Promise<Problem | null> {
	const lent = await loanConflict(tx, r, start, end, tz);
	if (lent) return lent;
	if (r.shared) return null; // capacity is checked by the database trigger on insert
	const rows = await tx
		.select({ startsAt: booking.startsAt, endsAt: booking.endsAt })
		.from(booking)
		.where(and(eq(booking.resourceId, r.id), inArray(booking.status, [...holdingStatuses]), sql`${booking.held} && ${heldOf(r, start, end)}::tstzrange`, exceptId ? sql`${booking.id} <> ${exceptId}` : undefined))
		.orderBy(asc(booking.startsAt))
		.limit(1);
	return rows[0] ? { key: 'err_booking_conflict', params: { time: slotText(rows[0].startsAt, rows[0].endsAt, tz) }, status: 'CONFLICT' } : null;
}

/** Translate the database's refusal (exclusion constraint or capacity trigger) into a 409 naming the slot. */
async function conflictError(e: unknown, r: ResourceRow, start: Date, end: Date, tz: string): Promise<never> {
	if (pgCode(e) !== '23P01') throw e;
	if (r.shared) throw new AppError('CONFLICT', 'err_booking_full', { time: slotText(start, end, tz), capacity: r.capacity });
	const c = await conflictWith(db(), r, start, end, tz);
	throw new AppError('CONFLICT', 'err_booking_conflict', { time: c ? String(c.params.time) : slotText(start, end, tz) });
}

// ── Recurrence ─────────────────────────────────────────────────────────────────────────────

function occurrences(start: Date, end: Date, rec: Recurrence | undefined, tz: string): { start: Date; end: Date }[] {
	if (!rec) return [{ start, end }];
	const a = localParts(start, tz);
	const length = end.getTime() - start.getTime();
	const step = (rec.frequency === 'daily' ? 1 : 7) * rec.interval;
	const out: { start: Date; end: Date }[] = [];
	for (let k = 0; out.length < Math.min(rec.count ?? MAX_OCCURRENCES, MAX_OCCURRENCES); k++) {
		const day = addDays(a.date, k * step);
		if (rec.until && day > rec.until) break;
		if (!rec.count && !rec.until && k > 0) break;
		const s = zonedInstant(day, a.minutes, tz);
		out.push({ start: s, end: new Date(s.getTime() + length) });
	}
	return out;
}

// ── Public surface ─────────────────────────────────────────────────────────────────────────

export interface PublicBooking {
	id: string;
	resourceId: string;
	resourceName: string;
	siteId: string;
	siteSlug: string;
	timeZone: string;
	userId: string;
	userName: string;
	orgId: string | null;
	title: string;
	startsAt: string;
	endsAt: string;
	seats: number;
	status: Status;
	seriesId: string | null;
	decisionReason: string | null;
	checkedInAt: string | null;
}

const listColumns = {
	b: booking,
	resourceName: resource.name,
	siteSlug: site.slug,
	timeZone: site.timeZone,
	userName: user.name
};

function toPublic(row: { b: BookingRow; resourceName: string; siteSlug: string; timeZone: string; userName: string }): PublicBooking {
	const b = row.b;
	return {
		id: b.id,
		resourceId: b.resourceId,
		resourceName: row.resourceName,
		siteId: b.siteId,
		siteSlug: row.siteSlug,
		timeZone: row.timeZone,
		userId: b.userId,
		userName: row.userName,
		orgId: b.orgId,
		title: b.title,
		startsAt: b.startsAt.toISOString(),
		endsAt: b.endsAt.toISOString(),
		seats: b.seats,
		status: b.status,
		seriesId: b.seriesId,
		decisionReason: b.decisionReason,
		checkedInAt: b.checkedInAt?.toISOString() ?? null
	};
}

const listBase = (tx: Tx = db()) =>
	tx.select(listColumns).from(booking).innerJoin(resource, eq(resource.id, booking.resourceId)).innerJoin(site, eq(site.id, booking.siteId)).innerJoin(user, eq(user.id, booking.userId));

export interface BookingResult {
	/** The bookings made (empty on a dry run). */
	bookings: PublicBooking[];
	/** Occurrences that were free and would be (or were) booked. */
	free: { startsAt: string; endsAt: string }[];
	/** Occurrences that could not be booked, and why (translated at the edge). */
	skipped: { startsAt: string; endsAt: string; code: string; params: Record<string, string | number> }[];
	status: Status | null;
}

/**
 * Book a resource, once or as a series. Every occurrence is checked against the resource's
 * policy and existing bookings first; without `skipConflicts` any problem refuses the whole
 * request (409 for taken slots, 422 for policy). Two requests for one slot arriving together
 * are settled by PostgreSQL: the exclusion constraint (exclusive resources) or the capacity
 * trigger (shared ones) lets exactly one commit and the other becomes a 409. With `outer`, the
 * booking is made in the caller's transaction and stands or falls with it.
 */
export async function createBooking(actor: Actor, input: unknown, now = new Date(), outer?: Tx): Promise<BookingResult> {
	const me = await requireUser(actor, Permission.BookingCreate);
	const data = parse(zCreateBooking, input);
	const { row: r, resource: pub, openingHours } = await getResourceFull(data.resourceId);
	if (!r.active) throw notFound('err_resource_not_found');
	const tz = pub.timeZone;
	const staff = await checkBooker(db(), me, r, data.organizationId, pub.siteName);

	const wanted = occurrences(data.startsAt, data.endsAt, data.recurrence, tz);
	const closures = await closuresOf(r, tz, wanted[0]!.start, wanted[wanted.length - 1]!.end);
	const free: { start: Date; end: Date }[] = [];
	const skipped: BookingResult['skipped'] = [];
	const problems: FieldError[] = [];
	let first: Problem | null = null;
	for (const [i, o] of wanted.entries()) {
		const p = policyProblem(r, openingHours, tz, o.start, o.end, data.seats, now, staff, closures) ?? (await conflictWith(db(), r, o.start, o.end, tz));
		if (p) {
			first ??= p;
			skipped.push({ startsAt: o.start.toISOString(), endsAt: o.end.toISOString(), code: p.key, params: p.params });
			problems.push({ field: data.recurrence ? `occurrences.${i}` : 'startsAt', key: p.key, params: p.params });
		} else free.push(o);
	}
	const status: Status = r.approvalRequired && !staff ? 'pending' : 'confirmed';
	const report = { free: free.map((o) => ({ startsAt: o.start.toISOString(), endsAt: o.end.toISOString() })), skipped };
	if (data.dryRun) return { bookings: [], ...report, status: free.length ? status : null };
	if (first && (!data.skipConflicts || !data.recurrence)) {
		if (!data.recurrence) throw new AppError(first.status, first.key, first.params, first.status === 'VALIDATION' ? [{ field: 'startsAt', key: first.key, params: first.params }] : []);
		throw new AppError('CONFLICT', 'err_booking_series', { count: skipped.length }, problems);
	}
	if (!free.length) throw new AppError('CONFLICT', 'err_booking_series', { count: skipped.length }, problems);

	const seriesId = data.recurrence ? crypto.randomUUID() : null;
	// Inside a caller's transaction (a mentoring session holding its room) as a savepoint of it.
	const made = await (outer ?? db())
		.transaction(async (tx) => {
			const rows: BookingRow[] = [];
			if (r.class === 'equipment') {
				// A check-out locks the item FOR UPDATE; this waits for one in progress and then sees its loan.
				await tx.execute(sql`SELECT 1 FROM ${resource} WHERE ${resource.id} = ${r.id} FOR SHARE`);
				for (const o of free) {
					const p = await loanConflict(tx, r, o.start, o.end, tz);
					if (p) throw new AppError('CONFLICT', p.key, p.params);
				}
			}
			for (const o of free) {
				const [b] = await tx
					.insert(booking)
					.values({ resourceId: r.id, siteId: r.siteId, userId: me.userId, orgId: data.organizationId ?? null, title: data.title, startsAt: o.start, endsAt: o.end, held: heldOf(r, o.start, o.end), exclusive: !r.shared, seats: data.seats, status, seriesId })
					.returning();
				rows.push(b!);
			}
			if (data.organizationId) await chargeBookings(tx, r, rows, data.organizationId, tz, me.userId);
			await audit(tx, actor, { action: 'booking.create', siteId: r.siteId, targetType: 'booking', targetId: rows[0]!.id, after: { resourceId: r.id, status, seriesId, occurrences: rows.map((b) => [b.startsAt, b.endsAt]) } });
			const ics = bookingsIcs(rows, { resource: r.name, site: pub.siteName, location: r.location, timeZone: tz });
			await enqueue(tx, 'email', bookingMail(me.locale, status === 'pending' ? 'requested' : 'confirmed', { to: me.email, name: me.name, resource: r.name, site: pub.siteName, time: rows.map((b) => slotText(b.startsAt, b.endsAt, tz, me.locale)).join('\n'), ics }));
			return rows;
		})
		.catch((e: unknown) => conflictError(e, r, free[0]!.start, free[0]!.end, tz));
	const bookings = await bookingsByIds(made.map((b) => b.id), outer);
	return { bookings, ...report, status };
}

async function bookingsByIds(ids: string[], tx: Tx = db()) {
	const rows = await listBase(tx).where(inArray(booking.id, ids)).orderBy(asc(booking.startsAt));
	return rows.map(toPublic);
}

async function getBookingRow(id: string) {
	if (!isUuid(id)) throw notFound('err_booking_not_found');
	const [row] = await listBase().where(eq(booking.id, id));
	if (!row) throw notFound('err_booking_not_found');
	return row;
}

/** A booking, for its owner or the site's staff. */
export async function getBooking(actor: Actor, id: string): Promise<PublicBooking> {
	const row = await getBookingRow(id);
	const mine = actor.kind === 'user' && actor.userId === row.b.userId;
	if (!mine) await requireAccess(actor, Permission.BookingRead, { siteId: row.b.siteId });
	return toPublic(row);
}

async function transition(actor: Actor, id: string, opts: { action: string; from: readonly Status[]; to: Status; staffOnly: boolean; reason?: string; extra?: Partial<typeof booking.$inferInsert>; refund?: boolean }) {
	const row = await getBookingRow(id);
	const me = await requireUser(actor, Permission.BookingCreate);
	const mine = me.userId === row.b.userId;
	if (opts.staffOnly || !mine) await requireAccess(actor, Permission.BookingManage, { siteId: row.b.siteId });
	const [after] = await db()
		.transaction(async (tx) => {
			const res = await tx
				.update(booking)
				.set({ status: opts.to, ...opts.extra })
				.where(and(eq(booking.id, id), inArray(booking.status, [...opts.from])))
				.returning();
			if (!res.length) throw new AppError('CONFLICT', 'err_booking_state', { status: row.b.status });
			if (opts.refund) await refundBooking(tx, id, me.userId);
			await audit(tx, actor, { action: opts.action, siteId: row.b.siteId, targetType: 'booking', targetId: id, before: { status: row.b.status }, after: { status: opts.to, reason: opts.reason ?? null } });
			return res;
		})
		.catch(async (e: unknown) => {
			if (pgCode(e) === '23P01') {
				const { row: r } = await getResourceFull(row.b.resourceId);
				return conflictError(e, r, row.b.startsAt, row.b.endsAt, row.timeZone);
			}
			throw e;
		});
	return { before: row, after: after! };
}

async function notify(row: { b: BookingRow; resourceName: string; timeZone: string }, kind: 'approved' | 'declined' | 'cancelled', reason = '') {
	const [u] = await db().select({ email: user.email, name: user.name, locale: user.locale }).from(user).where(eq(user.id, row.b.userId));
	const [s] = await db().select({ name: site.name }).from(site).where(eq(site.id, row.b.siteId));
	// An approved booking comes with its calendar entry, now confirmed.
	const ics = kind === 'approved' ? bookingsIcs([{ ...row.b, status: 'confirmed' }], { resource: row.resourceName, site: s?.name ?? '', location: '', timeZone: row.timeZone }) : undefined;
	if (u) await db().transaction((tx) => enqueue(tx, 'email', bookingMail(u.locale ?? 'id', kind, { to: u.email, name: u.name, resource: row.resourceName, site: s?.name ?? '', time: slotText(row.b.startsAt, row.b.endsAt, row.timeZone, u.locale ?? 'id'), reason, ics })));
}

/** Bookings as an iCalendar file for e-mail. */
function bookingsIcs(rows: Pick<BookingRow, 'id' | 'startsAt' | 'endsAt' | 'title' | 'status' | 'resourceId'>[], p: { resource: string; site: string; location: string; timeZone: string }) {
	return calendar({ name: p.resource, events: rows.map((b) => bookingEvent(b, p)) });
}

/** The booker cancels before the start; staff may cancel any time. The slot is free at once. */
export async function cancelBooking(actor: Actor, id: string, input: unknown = {}, now = new Date()): Promise<PublicBooking> {
	const { reason } = parse(zDecision, input);
	const row = await getBookingRow(id);
	const staff = await can(actor, Permission.BookingManage, { siteId: row.b.siteId });
	if (!staff && actor.kind === 'user' && actor.userId === row.b.userId && row.b.startsAt <= now) throw new AppError('CONFLICT', 'err_booking_started');
	// Cancelled before it starts, a booking gives its hours back to the organisation's allowance.
	const { before } = await transition(actor, id, { action: 'booking.cancel', from: holdingStatuses, to: 'cancelled', staffOnly: false, reason, extra: { cancelledAt: now, decisionReason: reason || null }, refund: row.b.startsAt > now });
	if (staff && actor.kind === 'user' && actor.userId !== row.b.userId) await notify(before, 'cancelled', reason);
	return (await bookingsByIds([id]))[0]!;
}

export async function approveBooking(actor: Actor, id: string, input: unknown = {}): Promise<PublicBooking> {
	const { reason } = parse(zDecision, input);
	const { before } = await transition(actor, id, { action: 'booking.approve', from: ['pending'], to: 'confirmed', staffOnly: true, reason, extra: { decidedBy: actor.kind === 'user' ? actor.userId : null, decisionReason: reason || null } });
	await notify(before, 'approved', reason);
	return (await bookingsByIds([id]))[0]!;
}

export async function declineBooking(actor: Actor, id: string, input: unknown): Promise<PublicBooking> {
	const { reason } = parse(zDecision, input);
	if (!reason) throw new AppError('VALIDATION', 'err_validation', {}, [{ field: 'reason', key: 'err_field_required' }]);
	const { before } = await transition(actor, id, { action: 'booking.decline', from: ['pending'], to: 'declined', staffOnly: true, reason, extra: { decidedBy: actor.kind === 'user' ? actor.userId : null, decisionReason: reason }, refund: true });
	await notify(before, 'declined', reason);
	return (await bookingsByIds([id]))[0]!;
}

/**
 * Move a booking or change its purpose or seats: its booker before it starts, or the park's staff.
 * The new time is checked like a new booking (policy, other bookings, loans) and settled by the
 * database like one; an organisation's allowance is refunded and charged again in the same
 * transaction. On resources that need approval, a booker's change goes back to pending.
 */
export async function changeBooking(actor: Actor, id: string, input: unknown, now = new Date()): Promise<PublicBooking> {
	const row = await getBookingRow(id);
	const me = await requireUser(actor, Permission.BookingCreate);
	const staff = await can(actor, Permission.BookingManage, { siteId: row.b.siteId });
	if (!staff && me.userId !== row.b.userId) await requireAccess(actor, Permission.BookingManage, { siteId: row.b.siteId });
	const data = parse(zChangeBooking, input);
	if (!(holdingStatuses as readonly string[]).includes(row.b.status)) throw new AppError('CONFLICT', 'err_booking_state', { status: row.b.status });
	if (!staff && row.b.startsAt <= now) throw new AppError('CONFLICT', 'err_booking_started');
	const { row: r, resource: pub, openingHours } = await getResourceFull(row.b.resourceId);
	const tz = pub.timeZone;
	const start = data.startsAt ?? row.b.startsAt;
	const end = data.endsAt ?? row.b.endsAt;
	const seats = data.seats ?? row.b.seats;
	const moved = start.getTime() !== row.b.startsAt.getTime() || end.getTime() !== row.b.endsAt.getTime() || seats !== row.b.seats;
	if (moved) {
		const closures = await closuresOf(r, tz, start, end);
		const p = policyProblem(r, openingHours, tz, start, end, seats, now, staff, closures) ?? (await conflictWith(db(), r, start, end, tz, id));
		if (p) throw new AppError(p.status, p.key, p.params, p.status === 'VALIDATION' ? [{ field: 'startsAt', key: p.key, params: p.params }] : []);
	}
	const status: Status = moved && r.approvalRequired && !staff ? 'pending' : row.b.status;
	await db()
		.transaction(async (tx) => {
			const [after] = await tx
				.update(booking)
				.set({ startsAt: start, endsAt: end, held: heldOf(r, start, end), seats, title: data.title ?? row.b.title, status })
				.where(and(eq(booking.id, id), inArray(booking.status, [...holdingStatuses])))
				.returning();
			if (!after) throw new AppError('CONFLICT', 'err_booking_state', { status: row.b.status });
			if (moved && row.b.orgId) {
				await refundBooking(tx, id, me.userId);
				await chargeBookings(tx, r, [after], row.b.orgId, tz, me.userId);
			}
			await audit(tx, actor, { action: 'booking.change', siteId: r.siteId, targetType: 'booking', targetId: id, before: { startsAt: row.b.startsAt, endsAt: row.b.endsAt, seats: row.b.seats, title: row.b.title, status: row.b.status }, after: { startsAt: start, endsAt: end, seats, title: after.title, status } });
			if (moved) {
				const [u] = await tx.select({ email: user.email, name: user.name, locale: user.locale }).from(user).where(eq(user.id, row.b.userId));
				if (u) await enqueue(tx, 'email', bookingMail(u.locale, 'changed', { to: u.email, name: u.name, resource: r.name, site: pub.siteName, time: slotText(start, end, tz, u.locale), ics: bookingsIcs([after], { resource: r.name, site: pub.siteName, location: r.location, timeZone: tz }) }));
			}
		})
		.catch((e: unknown) => conflictError(e, r, start, end, tz));
	return (await bookingsByIds([id]))[0]!;
}

/** Check in: the booker from 15 minutes before the start until the end, or staff at any time. */
export async function checkIn(actor: Actor, id: string, now = new Date()): Promise<PublicBooking> {
	const row = await getBookingRow(id);
	const me = await requireUser(actor, Permission.BookingCreate);
	const staff = await can(actor, Permission.BookingManage, { siteId: row.b.siteId });
	if (!staff && me.userId !== row.b.userId) await requireAccess(actor, Permission.BookingManage, { siteId: row.b.siteId });
	if (!staff && (now.getTime() < row.b.startsAt.getTime() - CHECK_IN_EARLY_MINUTES * 60000 || now >= row.b.endsAt)) throw new AppError('CONFLICT', 'err_checkin_window');
	await transition(actor, id, { action: 'booking.check_in', from: ['confirmed'], to: 'checked_in', staffOnly: false, extra: { checkedInAt: now } });
	return (await bookingsByIds([id]))[0]!;
}

/** Queue an e-mail about a booking to its booker, in their language (worker chores). */
async function mailBooker(tx: Tx, id: string, kind: 'released' | 'reminder') {
	const [x] = await tx
		.select({ b: booking, email: user.email, name: user.name, locale: user.locale, resourceName: resource.name, siteName: site.name, timeZone: site.timeZone })
		.from(booking)
		.innerJoin(user, eq(user.id, booking.userId))
		.innerJoin(resource, eq(resource.id, booking.resourceId))
		.innerJoin(site, eq(site.id, booking.siteId))
		.where(eq(booking.id, id));
	if (x) await enqueue(tx, 'email', bookingMail(x.locale, kind, { to: x.email, name: x.name, resource: x.resourceName, site: x.siteName, time: slotText(x.b.startsAt, x.b.endsAt, x.timeZone, x.locale) }));
}

/** Worker: confirmed bookings nobody checked in to within the grace period are released. */
export async function releaseNoShows(now = new Date()): Promise<number> {
	return db().transaction(async (tx) => {
		const released = await tx
			.update(booking)
			.set({ status: 'released' })
			.where(and(eq(booking.status, 'confirmed'), lt(booking.startsAt, new Date(now.getTime() - NO_SHOW_GRACE_MINUTES * 60000)), sql`${booking.endsAt} > ${new Date(now.getTime() - 86_400_000)}`))
			.returning({ id: booking.id, siteId: booking.siteId });
		for (const b of released) {
			await audit(tx, { kind: 'system' }, { action: 'booking.release', siteId: b.siteId, targetType: 'booking', targetId: b.id });
			await mailBooker(tx, b.id, 'released');
		}
		return released.length;
	});
}

/**
 * Worker: remind bookers the day before. A confirmed booking starting within 24 hours, made more
 * than a day before its start, gets one reminder (reminded_at is set in the same statement).
 */
export async function bookingReminders(now = new Date()): Promise<number> {
	return db().transaction(async (tx) => {
		const due = await tx
			.update(booking)
			.set({ remindedAt: now })
			.where(and(eq(booking.status, 'confirmed'), isNull(booking.remindedAt), sql`${booking.startsAt} > ${now}`, sql`${booking.startsAt} <= ${new Date(now.getTime() + 86_400_000)}`, sql`${booking.createdAt} < ${booking.startsAt} - interval '1 day'`))
			.returning({ id: booking.id });
		for (const { id } of due) await mailBooker(tx, id, 'reminder');
		return due.length;
	});
}

/** Bookings: mine, or a site's (staff), or one resource's (staff). */
export async function findBookings(actor: Actor, input: unknown): Promise<PublicBooking[]> {
	const me = await requireUser(actor, Permission.BookingCreate);
	const q = parse(zBookingQuery, input);
	let siteId: string | undefined;
	if (q.site) {
		siteId = (await getSiteRow(q.site)).id;
		if (!q.mine) await requireAccess(actor, Permission.BookingRead, { siteId });
	} else if (q.resource) {
		const { row } = await getResourceFull(q.resource);
		siteId = row.siteId;
		if (!q.mine) await requireAccess(actor, Permission.BookingRead, { siteId });
	}
	const mineOnly = !!q.mine || (!q.site && !q.resource);
	const rows = await listBase()
		.where(
			and(
				mineOnly ? eq(booking.userId, me.userId) : undefined,
				siteId ? eq(booking.siteId, siteId) : undefined,
				q.resource ? eq(booking.resourceId, q.resource) : undefined,
				q.status ? eq(booking.status, q.status) : undefined,
				q.from ? gte(booking.endsAt, new Date(`${q.from}T00:00:00Z`)) : undefined,
				q.to ? lt(booking.startsAt, new Date(Date.parse(`${q.to}T00:00:00Z`) + 86_400_000 * 2)) : undefined
			)
		)
		.orderBy(q.status === 'pending' ? asc(booking.startsAt) : desc(booking.startsAt))
		.limit(500);
	return rows.map(toPublic);
}

export interface DayAvailability {
	date: string;
	/** Local opening intervals ("08:00", "17:00"); empty when closed. */
	open: [string, string][];
	closedReason: { id: string; en: string } | null;
	busy: { startsAt: string; endsAt: string; seats: number; status: Status; mine: boolean }[];
	blackouts: { startsAt: string; endsAt: string; reason: string }[];
	/** Equipment out on loan (until its due date, or now when overdue). */
	loans: { startsAt: string; endsAt: string }[];
}

/** What is open and taken for a resource, day by day in the site's zone (at most 62 days). Public; bookers' names are not shown. */
export async function availability(actor: Actor, resourceId: string, input: unknown): Promise<{ timeZone: string; zone: string; capacity: number; shared: boolean; days: DayAvailability[] }> {
	const q = parse(zAvailabilityQuery, input);
	const days = daysBetween(q.from, q.to).slice(0, 62);
	if (!days.length) throw new AppError('VALIDATION', 'err_validation', {}, [{ field: 'to', key: 'err_booking_range' }]);
	const { row: r, resource: pub, openingHours } = await getResourceFull(resourceId);
	const tz = pub.timeZone;
	const from = zonedInstant(days[0]!, 0, tz);
	const to = zonedInstant(addDays(days[days.length - 1]!, 1), 0, tz);
	const [loans, bookings, { blackouts, days: closed }] = await Promise.all([
		r.class === 'equipment'
			? db()
					.select({ startsAt: loan.checkedOutAt, endsAt: sql<Date>`greatest(${loan.dueAt}, now())`.mapWith(loan.dueAt) })
					.from(loan)
					.where(and(eq(loan.resourceId, r.id), isNull(loan.returnedAt), sql`tstzrange(${loan.checkedOutAt}, greatest(${loan.dueAt}, now())) && ${range(from, to)}::tstzrange`))
			: [],
		db()
			.select({ startsAt: booking.startsAt, endsAt: booking.endsAt, seats: booking.seats, status: booking.status, userId: booking.userId })
			.from(booking)
			.where(and(eq(booking.resourceId, r.id), inArray(booking.status, [...holdingStatuses]), sql`${booking.held} && ${range(from, to)}::tstzrange`))
			.orderBy(asc(booking.startsAt)),
		closuresOf(r, tz, from, to)
	]);
	const me = actor.kind === 'user' ? actor.userId : null;
	return {
		timeZone: tz,
		zone: zoneLabel(tz),
		capacity: r.capacity,
		shared: r.shared,
		days: days.map((date) => {
			const dayStart = zonedInstant(date, 0, tz);
			const dayEnd = zonedInstant(addDays(date, 1), 0, tz);
			const weekday = localParts(new Date(dayStart.getTime() + 12 * 3600_000), tz).weekday;
			const holidayRow = r.alwaysOpen ? undefined : closed.get(date);
			const within = <T extends { startsAt: Date; endsAt: Date }>(x: T) => x.startsAt < dayEnd && x.endsAt > dayStart;
			return {
				date,
				open: r.alwaysOpen ? [['00:00', '24:00']] : openDuring(openingHours, weekday, { today: !!holidayRow, yesterday: closed.has(addDays(date, -1)) }).map(([o, c]): [string, string] => [clock(o), clock(c)]),
				closedReason: holidayRow ? { id: holidayRow.nameId, en: holidayRow.nameEn } : null,
				busy: bookings.filter(within).map((b) => ({ startsAt: b.startsAt.toISOString(), endsAt: b.endsAt.toISOString(), seats: b.seats, status: b.status, mine: b.userId === me })),
				blackouts: blackouts.filter(within).map((b) => ({ startsAt: b.startsAt.toISOString(), endsAt: b.endsAt.toISOString(), reason: b.reason })),
				loans: loans.filter(within).map((l) => ({ startsAt: l.startsAt.toISOString(), endsAt: l.endsAt.toISOString() }))
			};
		})
	};
}

/** "What is free": resources of a site (optionally of a kind and capacity) with nothing holding [from, to). */
export async function freeResources(siteIdOrSlug: string, from: Date, to: Date, filter: { kind?: string; capacity?: number } = {}) {
	const s = await getSiteRow(siteIdOrSlug);
	const rows = await db()
		.select({ id: resource.id })
		.from(resource)
		.where(
			and(
				eq(resource.siteId, s.id),
				eq(resource.active, true),
				filter.kind ? sql`${resource.kind} = ${filter.kind}` : undefined,
				filter.capacity ? gte(resource.capacity, filter.capacity) : undefined,
				sql`NOT EXISTS (SELECT 1 FROM ${booking} b WHERE b.resource_id = ${resource.id} AND b.exclusive AND b.status IN ('pending','confirmed','checked_in') AND b.held && ${range(from, to)}::tstzrange)`,
				sql`NOT EXISTS (SELECT 1 FROM ${loan} l WHERE l.resource_id = ${resource.id} AND l.returned_at IS NULL AND tstzrange(l.checked_out_at, greatest(l.due_at, now())) && ${range(from, to)}::tstzrange)`,
				sql`NOT EXISTS (SELECT 1 FROM ${blackout} x WHERE x.site_id = ${resource.siteId} AND (x.resource_id IS NULL OR x.resource_id = ${resource.id}) AND x.starts_at < ${to} AND x.ends_at > ${from})`
			)
		);
	return rows.map((r) => r.id);
}
