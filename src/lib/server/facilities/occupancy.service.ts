import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { db } from '../db/client.ts';
import { booking, resource } from './schema.ts';
import { blackoutsAt } from './closure.service.ts';
import { site, type OpeningHours } from '../directory/schema.ts';
import { Permission, requireAccess } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { AppError } from '../platform/errors.ts';
import { parse } from '../../schemas/validate.ts';
import { zReportQuery } from '../../schemas/facilities.ts';
import { getSiteRow } from '../directory/site.service.ts';
import { closedDays } from './holidays.ts';
import { addDays, daysBetween, localParts, zonedInstant } from './time.ts';
import { openings } from '../../hours.ts';

/** A report covers at most a year. */
const MAX_DAYS = 366;

export interface OccupancyRow {
	siteSlug: string;
	siteName: string;
	resourceId: string;
	name: string;
	kind: string;
	/** Hours the resource could be booked in the period (opening hours, less holidays and blackouts). */
	openHours: number;
	/** Hours booked (pending, confirmed, checked in), seat-weighted on shared resources. */
	bookedHours: number;
	/** bookedHours ÷ openHours, 0 when never open. */
	occupancy: number;
}

export interface OccupancyGroup {
	key: string;
	openHours: number;
	bookedHours: number;
	occupancy: number;
}

const round = (n: number) => Math.round(n * 10) / 10;
const ratio = (booked: number, open: number) => (open > 0 ? Math.round((booked / open) * 1000) / 1000 : 0);

/** Total length of the union of [start, end) intervals clipped to [from, to), in ms. */
function overlapMs(intervals: [number, number][], from: number, to: number) {
	let total = 0;
	for (const [a, b] of intervals) total += Math.max(0, Math.min(b, to) - Math.max(a, from));
	return total;
}

/**
 * Open intervals (epoch ms) of a resource for each local day of a period, and the day before's
 * opening that runs past midnight into it (the caller clips them to the period).
 */
function openIntervals(days: string[], hours: OpeningHours, tz: string, alwaysOpen: boolean, closed: Set<string>): [number, number][] {
	const out: [number, number][] = [];
	if (alwaysOpen) {
		for (const day of days) out.push([zonedInstant(day, 0, tz).getTime(), zonedInstant(addDays(day, 1), 0, tz).getTime()]);
		return out;
	}
	for (const day of [addDays(days[0]!, -1), ...days]) {
		if (closed.has(day)) continue;
		const weekday = localParts(zonedInstant(day, 720, tz), tz).weekday;
		for (const [o, c] of openings(hours, weekday)) out.push([zonedInstant(day, o, tz).getTime(), zonedInstant(day, c, tz).getTime()]);
	}
	return out;
}

/**
 * Occupancy (hours booked ÷ hours open) per resource for a period of local dates, at one park
 * (its staff) or at every park (network admins, `site` omitted), with totals per kind and per park.
 */
export async function occupancyReport(actor: Actor, siteIdOrSlug: string | null, input: unknown): Promise<{ from: string; to: string; rows: OccupancyRow[]; byKind: OccupancyGroup[]; bySite: OccupancyGroup[] }> {
	const q = parse(zReportQuery, input);
	const days = daysBetween(q.from, q.to);
	if (!days.length) throw new AppError('VALIDATION', 'err_validation', {}, [{ field: 'to', key: 'err_field_date_order' }]);
	if (days.length > MAX_DAYS) throw new AppError('VALIDATION', 'err_validation', {}, [{ field: 'to', key: 'err_report_too_long', params: { days: MAX_DAYS } }]);
	let sites: (typeof site.$inferSelect)[];
	if (siteIdOrSlug) {
		const s = await getSiteRow(siteIdOrSlug);
		await requireAccess(actor, Permission.BookingRead, { siteId: s.id });
		sites = [s];
	} else {
		await requireAccess(actor, Permission.AuditReadAll, null);
		sites = await db().select().from(site).orderBy(asc(site.name));
	}
	const rows: OccupancyRow[] = [];
	for (const s of sites) {
		const from = zonedInstant(q.from, 0, s.timeZone);
		const to = zonedInstant(addDays(q.to, 1), 0, s.timeZone);
		const [resources, closed, blackouts, booked] = await Promise.all([
			db().select().from(resource).where(and(eq(resource.siteId, s.id), eq(resource.active, true))).orderBy(asc(resource.name)),
			closedDays(db(), s.id, addDays(q.from, -1), q.to),
			blackoutsAt(s.id, from, to),
			db()
				.select({ resourceId: booking.resourceId, startsAt: booking.startsAt, endsAt: booking.endsAt, seats: booking.seats })
				.from(booking)
				.where(and(eq(booking.siteId, s.id), inArray(booking.status, ['pending', 'confirmed', 'checked_in']), sql`${booking.startsAt} < ${to}`, sql`${booking.endsAt} > ${from}`))
		]);
		const closedSet = new Set(closed.keys());
		for (const r of resources) {
			const open = openIntervals(days, s.openingHours, s.timeZone, r.alwaysOpen, closedSet);
			let openMs = overlapMs(open, from.getTime(), to.getTime());
			// Blackouts take their overlap with the open hours away.
			for (const b of blackouts.filter((x) => x.resourceId === null || x.resourceId === r.id)) openMs -= overlapMs(open, b.startsAt.getTime(), b.endsAt.getTime());
			const weight = r.shared ? 1 / r.capacity : 1;
			const bookedMs = booked.filter((b) => b.resourceId === r.id).reduce((a, b) => a + overlapMs([[b.startsAt.getTime(), b.endsAt.getTime()]], from.getTime(), to.getTime()) * (r.shared ? b.seats * weight : 1), 0);
			const openHours = Math.max(0, openMs) / 3600_000;
			const bookedHours = bookedMs / 3600_000;
			rows.push({ siteSlug: s.slug, siteName: s.name, resourceId: r.id, name: r.name, kind: r.kind, openHours: round(openHours), bookedHours: round(bookedHours), occupancy: ratio(bookedHours, openHours) });
		}
	}
	const group = (key: (r: OccupancyRow) => string) => {
		const m = new Map<string, { open: number; booked: number }>();
		for (const r of rows) {
			const g = m.get(key(r)) ?? { open: 0, booked: 0 };
			g.open += r.openHours;
			g.booked += r.bookedHours;
			m.set(key(r), g);
		}
		return [...m].map(([k, g]) => ({ key: k, openHours: round(g.open), bookedHours: round(g.booked), occupancy: ratio(g.booked, g.open) }));
	};
	return { from: q.from, to: q.to, rows, byKind: group((r) => r.kind), bySite: group((r) => r.siteSlug) };
}
