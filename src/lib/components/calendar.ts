/**
 * The park calendar's data as @event-calendar/core draws it. Times go to the calendar with the
 * park's UTC offset and the calendar is set to that offset, so every reader sees the park's clock.
 */
import type { SiteCalendar } from '$lib/server/facilities/calendar.service';
import { addDays, clock, crossesMidnight, openDuring, openings, type Weekday } from '$lib/hours';

/** Local date and HH:MM of an instant at a fixed offset ("+08:00"). */
export function localOf(at: Date, offset: string): { date: string; time: string } {
	const sign = offset.startsWith('-') ? -1 : 1;
	const [h, m] = offset.slice(1).split(':').map(Number) as [number, number];
	const shifted = new Date(at.getTime() + sign * (h * 60 + m) * 60000).toISOString();
	return { date: shifted.slice(0, 10), time: shifted.slice(11, 16) };
}

/**
 * An instant as the calendar reads it: the park's wall clock with its offset. The calendar does
 * not understand "Z" (it would take 02:00Z for 02:00 in the park), so UTC is never passed as is.
 */
export function atOffset(iso: string, offset: string): string {
	const l = localOf(new Date(iso), offset);
	return `${l.date}T${l.time}:00${offset}`;
}

/** Local date and HH:MM as the calendar writes them ("2026-11-24T09:00:00+08:00"): the wall clock it shows. */
export function wallClock(iso: string): { date: string; time: string } {
	return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/**
 * The hours to draw: from the earliest opening to the latest closing — the whole day when
 * something is always open or an opening runs past midnight.
 */
export function hourRange(cal: Pick<SiteCalendar, 'site' | 'resources'>): { min: string; max: string } {
	const hours = cal.site.openingHours;
	const intervals = (['1', '2', '3', '4', '5', '6', '7'] as Weekday[]).flatMap((w) => openings(hours, w));
	if (!intervals.length || cal.resources.some((r) => r.alwaysOpen) || crossesMidnight(hours)) return { min: '00:00', max: '24:00' };
	const min = Math.min(...intervals.map(([o]) => o));
	const max = Math.max(...intervals.map(([, c]) => c));
	return { min: clock(Math.floor(min / 60) * 60), max: clock(Math.min(1440, Math.ceil(max / 60) * 60)) };
}

const colours: Record<string, string> = { pending: '#b45309', confirmed: '#1d4ed8', checked_in: '#15803d' };

const dayOf = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay() || 7;

export interface CalendarInput {
	id: string;
	resourceIds: string[];
	start: string;
	end: string;
	title: string;
	display?: 'background';
	backgroundColor?: string;
	classNames?: string[];
	extendedProps?: { kind: 'booking' | 'blackout'; mine: boolean };
}

/**
 * Bookings and closures as events, and as grey background the hours a park is shut: outside
 * its opening hours and on its holidays (facilities that are always open are not shaded).
 */
export function calendarEvents(cal: SiteCalendar): CalendarInput[] {
	const out: CalendarInput[] = cal.events.map((e) => ({
		id: e.id,
		resourceIds: e.resourceIds,
		start: atOffset(e.startsAt, cal.site.offset),
		end: atOffset(e.endsAt, cal.site.offset),
		title: e.title,
		backgroundColor: e.type === 'blackout' ? '#475569' : colours[e.status ?? 'confirmed'],
		classNames: e.mine ? ['taman-mine'] : [],
		extendedProps: { kind: e.type, mine: e.mine }
	}));
	const shut = cal.resources.filter((r) => !r.alwaysOpen).map((r) => r.id);
	if (!shut.length) return out;
	const closed = new Set(cal.closed.map((c) => c.date));
	if (cal.closedBefore) closed.add(addDays(cal.from, -1));
	const at = (date: string, n: number) => `${n >= 1440 ? addDays(date, 1) : date}T${clock(n % 1440)}:00${cal.site.offset}`;
	for (let d = cal.from; d <= cal.to; d = addDays(d, 1)) {
		// (A holiday the day before the first day shown is not known here; its spill past midnight is drawn open.)
		const open = openDuring(cal.site.openingHours, String(dayOf(d)) as Weekday, { today: closed.has(d), yesterday: closed.has(addDays(d, -1)) });
		let from = 0;
		for (const [o, c] of [...open, [1440, 1440] as const]) {
			if (o > from) out.push({ id: `shut-${d}-${from}`, resourceIds: shut, start: at(d, from), end: at(d, o), title: '', display: 'background', classNames: ['taman-shut'] });
			from = Math.max(from, c);
		}
	}
	return out;
}
