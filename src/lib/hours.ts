/**
 * Opening hours, shared by the server (booking policy, availability, occupancy) and the browser
 * (the park calendar's shading). Hours are per ISO weekday in the park's zone. An interval whose
 * closing time is not after its opening time runs past midnight: "18:00"–"02:00" on a Friday is
 * open from Friday 18:00 to Saturday 02:00, and "08:00"–"00:00" closes at midnight.
 */
export type Weekday = '1' | '2' | '3' | '4' | '5' | '6' | '7';
export type OpeningHours = Partial<Record<Weekday, [string, string][]>>;

const minutes = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));

/** The day before an ISO weekday ('1' → '7'). */
/** The local date `n` days after `date` (both YYYY-MM-DD). */
export const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export const dayBefore = (w: Weekday): Weekday => String(((Number(w) + 5) % 7) + 1) as Weekday;

/** A weekday's openings in minutes from its midnight; one that runs past midnight ends after 1440. */
export function openings(hours: OpeningHours, weekday: Weekday): [number, number][] {
	return (hours[weekday] ?? [])
		.map(([o, c]): [number, number] => {
			const a = minutes(o);
			const b = minutes(c);
			return [a, b > a ? b : b + 1440];
		})
		.sort((x, y) => x[0] - y[0]);
}

/**
 * What is open during one local date, in minutes 0–1440: the day's own openings up to midnight
 * and what the day before left open past midnight. A closed day (a holiday) opens nothing of its
 * own; its evening opening that spills into the next day is closed too.
 */
export function openDuring(hours: OpeningHours, weekday: Weekday, closed: { today: boolean; yesterday: boolean } = { today: false, yesterday: false }): [number, number][] {
	const out: [number, number][] = [];
	if (!closed.yesterday) for (const [, c] of openings(hours, dayBefore(weekday))) if (c > 1440) out.push([0, c - 1440]);
	if (!closed.today) for (const [o, c] of openings(hours, weekday)) out.push([o, Math.min(c, 1440)]);
	return out.sort((x, y) => x[0] - y[0]);
}

/** True when some opening of the week runs past midnight. */
export const crossesMidnight = (hours: OpeningHours) => (Object.keys(hours) as Weekday[]).some((w) => openings(hours, w).some(([, c]) => c > 1440));

/** "18:00" from 1080; 1440 is "24:00". */
export const clock = (n: number) => `${String(Math.floor(n / 60)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}`;
