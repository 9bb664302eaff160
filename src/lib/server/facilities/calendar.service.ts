import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { db } from '../db/client.ts';
import { booking, holdingStatuses, resource, type bookingStatuses, type ResourceKind } from './schema.ts';
import { blackoutsAt } from './closure.service.ts';
import { user } from '../auth/schema.ts';
import type { OpeningHours } from '../directory/schema.ts';
import { can, Permission } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { AppError } from '../platform/errors.ts';
import { parse } from '../../schemas/validate.ts';
import { zCalendarQuery } from '../../schemas/facilities.ts';
import { getSiteRow } from '../directory/site.service.ts';
import { zoneLabel } from '../../i18n/format.ts';
import { closedDays } from './holidays.ts';
import { addDays, daysBetween, utcOffset, zonedInstant } from './time.ts';

/** A calendar shows at most six weeks at once. */
const MAX_DAYS = 42;

export interface CalendarEvent {
	id: string;
	/** Facilities the event occupies (a whole-park closure occupies every one shown). */
	resourceIds: string[];
	type: 'booking' | 'blackout';
	startsAt: string;
	endsAt: string;
	status: (typeof bookingStatuses)[number] | null;
	/** The booking's purpose or the closure's reason; empty when the reader may not see it. */
	title: string;
	/** Who booked; only the park's staff see it. */
	bookedBy: string | null;
	seats: number;
	mine: boolean;
}

export interface SiteCalendar {
	site: { id: string; slug: string; name: string; timeZone: string; zone: string; offset: string; openingHours: OpeningHours };
	from: string;
	to: string;
	/** The reader is the park's staff: names and purposes are shown, events link to the desk. */
	staff: boolean;
	resources: { id: string; name: string; kind: ResourceKind; shared: boolean; capacity: number; alwaysOpen: boolean }[];
	/** Local dates the park is closed (holidays and joint leave days it keeps). */
	closed: { date: string; name: { id: string; en: string } }[];
	/** Whether the day before `from` is closed (its night, spilling past midnight into `from`, is too). */
	closedBefore: boolean;
	events: CalendarEvent[];
}

/**
 * What is booked and closed at a park, facility by facility, for a run of local dates: the data of
 * the day and week calendars. Public like the facilities themselves, but a booking's purpose is
 * shown only to its booker and the park's staff, and who booked only to the staff.
 */
/** `park` is its id or slug, or its row when the caller has read it already. */
export async function siteCalendar(actor: Actor, park: string | Awaited<ReturnType<typeof getSiteRow>>, input: unknown): Promise<SiteCalendar> {
	const q = parse(zCalendarQuery, input);
	const to = q.to ?? q.from;
	const days = daysBetween(q.from, to);
	if (!days.length) throw new AppError('VALIDATION', 'err_validation', {}, [{ field: 'to', key: 'err_field_date_order' }]);
	if (days.length > MAX_DAYS) throw new AppError('VALIDATION', 'err_validation', {}, [{ field: 'to', key: 'err_report_too_long', params: { days: MAX_DAYS } }]);
	const s = typeof park === 'string' ? await getSiteRow(park) : park;
	const start = zonedInstant(q.from, 0, s.timeZone);
	const end = zonedInstant(addDays(to, 1), 0, s.timeZone);
	const window = sql`tstzrange(${start.toISOString()}::timestamptz, ${end.toISOString()}::timestamptz)`;
	const me = actor.kind === 'user' ? actor.userId : null;
	const [staff, resources, bookings, blackouts, closed] = await Promise.all([
		can(actor, Permission.BookingRead, { siteId: s.id }),
		db()
			.select({ id: resource.id, name: resource.name, kind: resource.kind, shared: resource.shared, capacity: resource.capacity, alwaysOpen: resource.alwaysOpen })
			.from(resource)
			.where(and(eq(resource.siteId, s.id), eq(resource.active, true), q.kind ? eq(resource.kind, q.kind) : undefined, q.resource ? eq(resource.id, q.resource) : undefined))
			.orderBy(asc(resource.kind), asc(resource.name)),
		db()
			.select({ id: booking.id, resourceId: booking.resourceId, startsAt: booking.startsAt, endsAt: booking.endsAt, status: booking.status, title: booking.title, seats: booking.seats, userId: booking.userId, userName: user.name })
			.from(booking)
			.innerJoin(user, eq(user.id, booking.userId))
			.where(and(eq(booking.siteId, s.id), inArray(booking.status, [...holdingStatuses]), sql`tstzrange(${booking.startsAt}, ${booking.endsAt}) && ${window}`))
			.orderBy(asc(booking.startsAt)),
		blackoutsAt(s.id, start, end),
		// From the day before: a night that opened then and runs past midnight is closed with it.
		closedDays(db(), s.id, addDays(q.from, -1), to)
	]);
	const shown = new Set(resources.map((r) => r.id));
	const events: CalendarEvent[] = [];
	for (const b of bookings) {
		if (!shown.has(b.resourceId)) continue;
		const mine = b.userId === me;
		events.push({
			id: b.id,
			resourceIds: [b.resourceId],
			type: 'booking',
			startsAt: b.startsAt.toISOString(),
			endsAt: b.endsAt.toISOString(),
			status: b.status,
			title: staff || mine ? b.title : '',
			bookedBy: staff ? b.userName : null,
			seats: b.seats,
			mine
		});
	}
	for (const x of blackouts) {
		const on = x.resourceId ? (shown.has(x.resourceId) ? [x.resourceId] : []) : [...shown];
		if (!on.length) continue;
		events.push({ id: x.id, resourceIds: on, type: 'blackout', startsAt: x.startsAt.toISOString(), endsAt: x.endsAt.toISOString(), status: null, title: x.reason, bookedBy: null, seats: 0, mine: false });
	}
	return {
		site: { id: s.id, slug: s.slug, name: s.name, timeZone: s.timeZone, zone: zoneLabel(s.timeZone, start), offset: utcOffset(s.timeZone, start), openingHours: s.openingHours },
		from: q.from,
		to,
		staff,
		resources,
		closed: [...closed.values()].filter((d) => d.day >= q.from).map((d) => ({ date: d.day, name: { id: d.nameId, en: d.nameEn } })),
		closedBefore: closed.has(addDays(q.from, -1)),
		events
	};
}
