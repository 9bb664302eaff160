import { and, asc, eq, gte, inArray, isNull, or, sql } from 'drizzle-orm';
import { db, pgCode } from '../db/client.ts';
import { blackout, holiday, holidayOptOut, resource } from './schema.ts';
import { user } from '../auth/schema.ts';
import { Permission, requireAccess } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { audit } from '../platform/audit.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { parse } from '../../schemas/validate.ts';
import { isUuid } from '../../schemas/common.ts';
import { zCreateBlackout, zHolidayQuery, zMoveHoliday, zRegionalHoliday, zOptOut } from '../../schemas/facilities.ts';
import { getSiteRow } from '../directory/site.service.ts';
import { islamicNames } from './holidays.ts';

// ── Blackouts: a facility or the whole park closed for a time ───────────────────────────────

export interface PublicBlackout {
	id: string;
	resourceId: string | null;
	/** The facility's name, or null for the whole park. */
	resourceName: string | null;
	startsAt: string;
	endsAt: string;
	reason: string;
	createdBy: string | null;
}

/**
 * Closures of a park overlapping [from, to), soonest first: every one, or (with `resourceId`) the
 * ones that close that facility — its own and the whole park's. Booking policy, the calendar and
 * the occupancy report read them here.
 */
export function blackoutsAt(siteId: string, from: Date, to: Date, resourceId?: string) {
	return db()
		.select({ id: blackout.id, resourceId: blackout.resourceId, startsAt: blackout.startsAt, endsAt: blackout.endsAt, reason: blackout.reason })
		.from(blackout)
		.where(and(eq(blackout.siteId, siteId), resourceId ? sql`(${blackout.resourceId} IS NULL OR ${blackout.resourceId} = ${resourceId})` : undefined, sql`${blackout.startsAt} < ${to}`, sql`${blackout.endsAt} > ${from}`))
		.orderBy(asc(blackout.startsAt));
}

/** Staff block a resource, or the whole site, for maintenance or an event (also several days). */
export async function createBlackout(actor: Actor, siteIdOrSlug: string, input: unknown) {
	const s = await getSiteRow(siteIdOrSlug);
	await requireAccess(actor, Permission.BookingManage, { siteId: s.id });
	const data = parse(zCreateBlackout, input);
	if (data.endsAt <= data.startsAt) throw new AppError('VALIDATION', 'err_validation', {}, [{ field: 'endsAt', key: 'err_booking_range' }]);
	if (data.resourceId) {
		const [r] = await db().select({ siteId: resource.siteId }).from(resource).where(eq(resource.id, data.resourceId));
		if (r?.siteId !== s.id) throw new AppError('VALIDATION', 'err_validation', {}, [{ field: 'resourceId', key: 'err_resource_not_found' }]);
	}
	return db().transaction(async (tx) => {
		const [b] = await tx.insert(blackout).values({ siteId: s.id, resourceId: data.resourceId ?? null, startsAt: data.startsAt, endsAt: data.endsAt, reason: data.reason, createdBy: actor.kind === 'user' ? actor.userId : null }).returning();
		await audit(tx, actor, { action: 'blackout.create', siteId: s.id, targetType: 'blackout', targetId: b!.id, after: b });
		return { id: b!.id, resourceId: b!.resourceId, startsAt: b!.startsAt.toISOString(), endsAt: b!.endsAt.toISOString(), reason: b!.reason };
	});
}

/** A park's closures that have not ended yet (whole park and each facility), soonest first. Staff only. */
export async function findBlackouts(actor: Actor, siteIdOrSlug: string, now = new Date()): Promise<PublicBlackout[]> {
	const s = await getSiteRow(siteIdOrSlug);
	await requireAccess(actor, Permission.BookingRead, { siteId: s.id });
	const rows = await db()
		.select({ b: blackout, resourceName: resource.name, createdBy: user.name })
		.from(blackout)
		.leftJoin(resource, eq(resource.id, blackout.resourceId))
		.leftJoin(user, eq(user.id, blackout.createdBy))
		.where(and(eq(blackout.siteId, s.id), sql`${blackout.endsAt} > ${now}`))
		.orderBy(asc(blackout.startsAt))
		.limit(500);
	return rows.map(({ b, resourceName, createdBy }) => ({ id: b.id, resourceId: b.resourceId, resourceName, startsAt: b.startsAt.toISOString(), endsAt: b.endsAt.toISOString(), reason: b.reason, createdBy }));
}

/** Lift a closure: the facility (or park) can be booked again at once. Past closures stay as the record of what happened. */
export async function removeBlackout(actor: Actor, siteIdOrSlug: string, id: string, now = new Date()): Promise<void> {
	const s = await getSiteRow(siteIdOrSlug);
	await requireAccess(actor, Permission.BookingManage, { siteId: s.id });
	if (!isUuid(id)) throw notFound('err_blackout_not_found');
	await db().transaction(async (tx) => {
		const [b] = await tx.select().from(blackout).where(and(eq(blackout.id, id), eq(blackout.siteId, s.id))).for('update');
		if (!b) throw notFound('err_blackout_not_found');
		if (b.endsAt <= now) throw new AppError('CONFLICT', 'err_blackout_past');
		await tx.delete(blackout).where(eq(blackout.id, id));
		await audit(tx, actor, { action: 'blackout.remove', siteId: s.id, targetType: 'blackout', targetId: id, before: b });
	});
}

// ── Holidays: the decree's national days, a park's own days and the days it stays open ───────

export interface PublicHoliday {
	id: string;
	day: string;
	kind: 'national' | 'joint_leave' | 'regional';
	nameId: string;
	nameEn: string;
	/** Set for a park's own (regional) day. */
	siteId: string | null;
	/** Its date follows the Islamic calendar and may be moved after the government's sighting (sidang isbat). */
	islamic: boolean;
	source: string;
	/** The park asked (`site` given) stays open on this national day. */
	open: boolean;
}

/**
 * The days of a year that close parks: the national days and joint leave of the decree (with the
 * dates network admins set), and — with `site` — that park's own days and the national days it
 * stays open on. Public: visitors need to know when a park is closed.
 */
export async function findHolidays(input: unknown): Promise<PublicHoliday[]> {
	const q = parse(zHolidayQuery, input);
	const s = q.site ? await getSiteRow(q.site) : null;
	const rows = await db()
		.select()
		.from(holiday)
		.where(and(gte(holiday.day, `${q.year}-01-01`), sql`${holiday.day} <= ${`${q.year}-12-31`}`, s ? or(isNull(holiday.siteId), eq(holiday.siteId, s.id)) : isNull(holiday.siteId)))
		.orderBy(asc(holiday.day), asc(holiday.nameId));
	const open = s && rows.length ? new Set((await db().select({ day: holidayOptOut.day }).from(holidayOptOut).where(and(eq(holidayOptOut.siteId, s.id), inArray(holidayOptOut.day, rows.map((r) => r.day))))).map((r) => r.day)) : new Set<string>();
	const islamic = islamicNames();
	return rows.map((r) => ({ id: r.id, day: r.day, kind: r.kind, nameId: r.nameId, nameEn: r.nameEn, siteId: r.siteId, islamic: islamic.has(r.nameId), source: r.source, open: !r.siteId && open.has(r.day) }));
}

async function nationalDay(id: string) {
	if (!isUuid(id)) throw notFound('err_holiday_not_found');
	const [h] = await db().select().from(holiday).where(and(eq(holiday.id, id), isNull(holiday.siteId)));
	if (!h) throw notFound('err_holiday_not_found');
	return h;
}

const unique = (e: unknown) => {
	if (pgCode(e) === '23505') throw new AppError('CONFLICT', 'err_holiday_exists');
	throw e;
};

/**
 * Network admins move a national day or joint leave to the date the government set — Islamic days
 * after the sidang isbat. Every park that keeps the day follows; bookings already made on the new
 * date stay (nothing is cancelled), new ones are refused.
 */
export async function moveHoliday(actor: Actor, id: string, input: unknown): Promise<PublicHoliday> {
	await requireAccess(actor, Permission.HolidayAdjust, null);
	const h = await nationalDay(id);
	const data = parse(zMoveHoliday, input);
	if (data.day.slice(0, 4) !== h.day.slice(0, 4)) throw new AppError('VALIDATION', 'err_validation', {}, [{ field: 'day', key: 'err_holiday_same_year', params: { year: h.day.slice(0, 4) } }]);
	await db()
		.transaction(async (tx) => {
			await tx.update(holiday).set({ day: data.day }).where(eq(holiday.id, id));
			await audit(tx, actor, { action: 'holiday.move', targetType: 'holiday', targetId: id, before: { day: h.day }, after: { day: data.day, name: h.nameId } });
		})
		.catch(unique);
	return (await findHolidays({ year: data.day.slice(0, 4) })).find((x) => x.id === id)!;
}

/** A park's own closed day (a regional holiday, the park's anniversary): its site managers add it. */
export async function addRegionalHoliday(actor: Actor, siteIdOrSlug: string, input: unknown): Promise<PublicHoliday> {
	const s = await getSiteRow(siteIdOrSlug);
	await requireAccess(actor, Permission.SiteHolidays, { siteId: s.id });
	const data = parse(zRegionalHoliday, input);
	const row = await db()
		.transaction(async (tx) => {
			const [r] = await tx.insert(holiday).values({ day: data.day, kind: 'regional', nameId: data.nameId, nameEn: data.nameEn || data.nameId, siteId: s.id, source: s.name }).returning();
			await audit(tx, actor, { action: 'holiday.add', siteId: s.id, targetType: 'holiday', targetId: r!.id, after: r });
			return r!;
		})
		.catch(unique);
	return { id: row.id, day: row.day, kind: row.kind, nameId: row.nameId, nameEn: row.nameEn, siteId: row.siteId, islamic: false, source: row.source, open: false };
}

export async function removeRegionalHoliday(actor: Actor, siteIdOrSlug: string, id: string): Promise<void> {
	const s = await getSiteRow(siteIdOrSlug);
	await requireAccess(actor, Permission.SiteHolidays, { siteId: s.id });
	if (!isUuid(id)) throw notFound('err_holiday_not_found');
	await db().transaction(async (tx) => {
		const [r] = await tx.delete(holiday).where(and(eq(holiday.id, id), eq(holiday.siteId, s.id))).returning();
		if (!r) throw notFound('err_holiday_not_found');
		await audit(tx, actor, { action: 'holiday.remove', siteId: s.id, targetType: 'holiday', targetId: id, before: r });
	});
}

/**
 * A park stays open on a national day (`open`), or closes on it again. Only days that are national
 * days or joint leave in the park's calendar can be opened.
 */
export async function setHolidayOpen(actor: Actor, siteIdOrSlug: string, input: unknown, open: boolean): Promise<void> {
	const s = await getSiteRow(siteIdOrSlug);
	await requireAccess(actor, Permission.SiteHolidays, { siteId: s.id });
	const { day } = parse(zOptOut, input);
	const [h] = await db().select({ id: holiday.id }).from(holiday).where(and(eq(holiday.day, day), isNull(holiday.siteId))).limit(1);
	if (!h) throw new AppError('VALIDATION', 'err_validation', {}, [{ field: 'day', key: 'err_holiday_not_national' }]);
	await db().transaction(async (tx) => {
		const changed = open
			? await tx.insert(holidayOptOut).values({ siteId: s.id, day }).onConflictDoNothing().returning()
			: await tx.delete(holidayOptOut).where(and(eq(holidayOptOut.siteId, s.id), eq(holidayOptOut.day, day))).returning();
		if (changed.length) await audit(tx, actor, { action: open ? 'holiday.open' : 'holiday.close', siteId: s.id, targetType: 'holiday', targetId: h.id, after: { day } });
	});
}
