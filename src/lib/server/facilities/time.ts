/** Wall-clock helpers for a site's IANA zone (WIB/WITA/WIT have no DST, but nothing here assumes it). */

const fmt = new Map<string, Intl.DateTimeFormat>();
function formatter(tz: string) {
	let f = fmt.get(tz);
	if (!f) {
		f = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', weekday: 'short' });
		fmt.set(tz, f);
	}
	return f;
}
const WEEKDAYS: Record<string, string> = { Mon: '1', Tue: '2', Wed: '3', Thu: '4', Fri: '5', Sat: '6', Sun: '7' };

export interface LocalParts {
	/** YYYY-MM-DD in the zone. */
	date: string;
	/** ISO weekday '1' (Monday) … '7' (Sunday). */
	weekday: '1' | '2' | '3' | '4' | '5' | '6' | '7';
	/** Minutes since local midnight. */
	minutes: number;
}

export function localParts(at: Date, tz: string): LocalParts {
	const p = Object.fromEntries(formatter(tz).formatToParts(at).map((x) => [x.type, x.value]));
	return { date: `${p.year}-${p.month}-${p.day}`, weekday: WEEKDAYS[p.weekday!] as LocalParts['weekday'], minutes: Number(p.hour) * 60 + Number(p.minute) };
}

/** Offset of `tz` from UTC at instant `at`, in minutes (Asia/Makassar → 480). */
export function offsetMinutes(at: Date, tz: string): number {
	const p = Object.fromEntries(formatter(tz).formatToParts(at).map((x) => [x.type, x.value]));
	const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
	return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60000);
}

/** The instant of local `date` at `minutes` past midnight in `tz`. */
export function zonedInstant(date: string, minutes: number, tz: string): Date {
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	const guess = new Date(Date.UTC(y, m - 1, d, 0, minutes));
	const first = new Date(guess.getTime() - offsetMinutes(guess, tz) * 60000);
	// Re-check once in case the offset differs at the real instant (DST zones).
	return new Date(guess.getTime() - offsetMinutes(first, tz) * 60000);
}

/** A local date as forms and queries send it: YYYY-MM-DD. */
export const isLocalDate = (s: string | null | undefined): s is string => !!s && /^\d{4}-\d{2}-\d{2}$/.test(s);
/** A local time of day as forms send it: HH:MM. */
export const isLocalTime = (s: string | null | undefined): s is string => !!s && /^\d{2}:\d{2}$/.test(s);

/** A form's local date and time in a park's zone as an ISO instant; '' when either is malformed (the service then names the field). */
export const localInstant = (date: string | undefined, time: string | undefined, tz: string) => (isLocalDate(date) && isLocalTime(time) ? zonedInstant(date, hhmm(time), tz).toISOString() : '');

export const hhmm = (s: string) => {
	const [h, m] = s.split(':').map(Number) as [number, number];
	return h * 60 + m;
};

/** Dates from `from` to `to` inclusive (YYYY-MM-DD). */
export function daysBetween(from: string, to: string): string[] {
	const out: string[] = [];
	const end = Date.parse(`${to}T00:00:00Z`);
	for (let t = Date.parse(`${from}T00:00:00Z`); t <= end && out.length < 400; t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
	return out;
}

export { addDays } from '../../hours.ts';

/** The offset of `tz` at `at` as ISO 8601 writes it: Asia/Makassar → "+08:00". */
export function utcOffset(tz: string, at: Date = new Date()): string {
	const m = offsetMinutes(at, tz);
	const a = Math.abs(m);
	return `${m < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}
