/**
 * Formatting of dates, times, money and phone numbers (see shared INDONESIA.md). Every place in
 * Taman that shows one of these calls this module, so the conventions hold everywhere.
 */

export type Locale = 'id' | 'en';

/** A stored or requested language as one Taman speaks: English, or else Indonesian. */
export const asLocale = (l: string | null | undefined): Locale => (l === 'en' ? 'en' : 'id');

const zoneLabels: Record<string, string> = {
	'Asia/Jakarta': 'WIB',
	'Asia/Pontianak': 'WIB',
	'Asia/Makassar': 'WITA',
	'Asia/Jayapura': 'WIT'
};

/** WIB / WITA / WIT for Indonesian zones; the short name Intl gives otherwise. */
export function zoneLabel(timeZone: string, at: Date = new Date()): string {
	const known = zoneLabels[timeZone];
	if (known) return known;
	const part = dateFormat('en-GB', 'zone', { timeZone, timeZoneName: 'short' })
		.formatToParts(at)
		.find((p) => p.type === 'timeZoneName');
	return part?.value ?? timeZone;
}

const tag = (locale: Locale) => (locale === 'id' ? 'id-ID' : 'en-GB');

/**
 * Intl formatters are costly to make (tens of microseconds each) and cheap to reuse; a list of a
 * thousand dates made two per row. Kept per language, zone and kind; there are few of each.
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function dateFormat(lang: string, kind: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = `d|${lang}|${kind}|${options.timeZone ?? ''}`;
	let f = formatters.get(key) as Intl.DateTimeFormat | undefined;
	if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(lang, options)));
	return f;
}
function numberFormat(lang: string, kind: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
	const key = `n|${lang}|${kind}`;
	let f = formatters.get(key) as Intl.NumberFormat | undefined;
	if (!f) formatters.set(key, (f = new Intl.NumberFormat(lang, options)));
	return f;
}

/** `23 November 2026` */
export function formatDate(at: Date | string, locale: Locale, timeZone = 'Asia/Jakarta'): string {
	return dateFormat(tag(locale), 'date', { dateStyle: 'long', timeZone }).format(new Date(at));
}

/** `14.30`, or `14.30 WIB` with `zone`: the time of day, for ranges whose date is already shown. */
export function formatTime(at: Date | string, locale: Locale, timeZone = 'Asia/Jakarta', zone = false): string {
	const d = new Date(at);
	const time = dateFormat(tag(locale), 'time', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(d);
	return zone ? `${time} ${zoneLabel(timeZone, d)}` : time;
}

/** `23 November 2026, 14.30 WIB` — always with the zone label. */
export function formatDateTime(at: Date | string, locale: Locale, timeZone = 'Asia/Jakarta'): string {
	return `${formatDate(at, locale, timeZone)}, ${formatTime(at, locale, timeZone, true)}`;
}

/** An instant as a date field and a time field read it in `timeZone`: "2026-11-24" and "09:00". */
export function localFields(at: Date | string, timeZone: string): { date: string; time: string } {
	const p = Object.fromEntries(dateFormat('en-GB', 'fields', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(at)).map((x) => [x.type, x.value]));
	return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** `1,5` (id) / `1.5` (en): hours and other counts, up to two decimals. */
export function formatNumber(n: number, locale: Locale): string {
	return numberFormat(tag(locale), 'number', { maximumFractionDigits: 2 }).format(n);
}

/** `November 2026` from `2026-11`. */
export function formatMonth(month: string, locale: Locale): string {
	return dateFormat(tag(locale), 'month', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-15T00:00:00Z`));
}

const minorUnits: Record<string, number> = { IDR: 0, JPY: 0, VND: 0, USD: 2, MYR: 2, SGD: 2 };

/**
 * Money from integer minor units. Rupiah is `Rp1.500.000` (no space, no decimals) in both
 * languages, as Indonesian readers expect; other currencies use Intl in the reader's locale.
 */
export function formatMoney(minor: number, currency: string, locale: Locale): string {
	const digits = minorUnits[currency] ?? 2;
	const amount = minor / 10 ** digits;
	if (currency === 'IDR') {
		const n = numberFormat('id-ID', 'rupiah', { maximumFractionDigits: 0 }).format(Math.abs(amount));
		return `${amount < 0 ? '-' : ''}Rp${n}`;
	}
	return numberFormat(tag(locale), `currency-${currency}`, { style: 'currency', currency, minimumFractionDigits: digits }).format(amount);
}

/**
 * An Indonesian phone number as people type it (`0812-3456-7890`, `+62 812 3456 7890`,
 * `62812…`) to E.164 (`+6281234567890`); undefined when it cannot be one.
 * Foreign numbers must start with `+` and their country code.
 */
export function toE164(input: string): string | undefined {
	const trimmed = input.trim();
	const digits = trimmed.replace(/[\s().-]/g, '');
	let e164: string;
	if (digits.startsWith('+')) e164 = digits;
	else if (digits.startsWith('62')) e164 = `+${digits}`;
	else if (digits.startsWith('0')) e164 = `+62${digits.slice(1)}`;
	else return undefined;
	if (!/^\+[1-9][0-9]{7,14}$/.test(e164)) return undefined;
	if (e164.startsWith('+62') && !/^\+62[1-9][0-9]{7,12}$/.test(e164)) return undefined;
	return e164;
}
