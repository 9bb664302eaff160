/**
 * KPI report periods, the same in the browser and on the server. A period is named by its first
 * month (`2026-10`); a quarter starts in January, April, July or October. Dates are the park's
 * local dates (`2026-11-10`).
 */
import { formatMonth, type Locale } from './i18n/format.ts';

export type Frequency = 'monthly' | 'quarterly';

const span = (f: Frequency) => (f === 'monthly' ? 1 : 3);
const month = (y: number, m: number) => `${y + Math.floor((m - 1) / 12)}-${String(((((m - 1) % 12) + 12) % 12) + 1).padStart(2, '0')}`;
const parts = (p: string) => [Number(p.slice(0, 4)), Number(p.slice(5, 7))] as const;

/** The period a local date falls in. */
export function periodOf(date: string, f: Frequency): string {
	const [y, m] = parts(date);
	return month(y, m - ((m - 1) % span(f)));
}

/** Is this a period's name under the frequency (a quarter must start one)? */
export const isPeriod = (p: string, f: Frequency) => /^\d{4}-(0[1-9]|1[0-2])$/.test(p) && periodOf(p, f) === p;

export function nextPeriod(p: string, f: Frequency): string {
	const [y, m] = parts(p);
	return month(y, m + span(f));
}

/** The first day after the period: it has ended once that day has come. */
export const periodEnds = (p: string, f: Frequency) => `${nextPeriod(p, f)}-01`;

/** The report for a period is due on `dueDay` of the month after it ends. */
export const dueOn = (p: string, f: Frequency, dueDay: number) => `${nextPeriod(p, f)}-${String(dueDay).padStart(2, '0')}`;

/** Periods that have ended by `today`, from the one holding `from` up to the one holding `to`. */
export function endedPeriods(from: string, to: string, today: string, f: Frequency): string[] {
	const out: string[] = [];
	const last = periodOf(to, f);
	for (let p = periodOf(from, f); p <= last && periodEnds(p, f) <= today; p = nextPeriod(p, f)) out.push(p);
	return out;
}

/** `Oktober 2026`, or `Triwulan IV 2026` / `Q4 2026`. */
export function periodLabel(p: string, f: Frequency, locale: Locale): string {
	if (f === 'monthly') return formatMonth(p, locale);
	const q = (parts(p)[1] + 2) / 3;
	return locale === 'id' ? `Triwulan ${['I', 'II', 'III', 'IV'][q - 1]} ${p.slice(0, 4)}` : `Q${q} ${p.slice(0, 4)}`;
}

export type ReportState = 'submitted' | 'late' | 'due' | 'missing';

/** A period's report: in on time, in late, not yet due, or missing after its due date. */
export function reportState(submittedOn: string | null, due: string, today: string): ReportState {
	if (submittedOn) return submittedOn > due ? 'late' : 'submitted';
	return today > due ? 'missing' : 'due';
}
