/**
 * iCalendar (RFC 5545) text: escaping, line folding at 75 octets, CRLF, and a VTIMEZONE for the
 * zones Taman's parks use (Indonesia has no daylight saving time, so one STANDARD block each).
 */

export interface IcalEvent {
	uid: string;
	start: Date;
	end: Date;
	summary: string;
	location?: string;
	description?: string;
	status?: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';
	url?: string;
	/** When the event was last changed (LAST-MODIFIED); DTSTAMP is when the feed was made. */
	modified?: Date;
}

/** TEXT values: backslash, semicolon, comma and newlines are escaped (RFC 5545 §3.3.11). */
export const escapeText = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** Fold a content line into 75-octet pieces, never splitting a UTF-8 character (§3.1). */
export function fold(line: string): string {
	const bytes = Buffer.from(line, 'utf8');
	if (bytes.length <= 75) return line;
	const parts: string[] = [];
	let start = 0;
	let limit = 75;
	while (start < bytes.length) {
		let end = Math.min(start + limit, bytes.length);
		// Step back to a character boundary (continuation bytes are 10xxxxxx).
		while (end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end--;
		parts.push(bytes.subarray(start, end).toString('utf8'));
		start = end;
		limit = 74; // continuation lines begin with a space
	}
	return parts.join('\r\n ');
}

/** 20261124T020000Z */
export const utcStamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** Local wall-clock time in a zone: 20261124T090000 (used with TZID). */
export function localStamp(d: Date, timeZone: string): string {
	const p = Object.fromEntries(
		new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
			.formatToParts(d)
			.map((x) => [x.type, x.value])
	);
	return `${p.year}${p.month}${p.day}T${p.hour}${p.minute}${p.second}`;
}

/** A VTIMEZONE for a zone without daylight saving time, from its current offset. */
export function vtimezone(timeZone: string): string[] {
	const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(new Date()).find((x) => x.type === 'timeZoneName')?.value ?? 'GMT';
	const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
	const offset = m ? `${m[1]}${m[2]}${m[3]}` : '+0000';
	const abbr: Record<string, string> = { 'Asia/Jakarta': 'WIB', 'Asia/Pontianak': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };
	return ['BEGIN:VTIMEZONE', `TZID:${timeZone}`, 'BEGIN:STANDARD', 'DTSTART:19700101T000000', `TZOFFSETFROM:${offset}`, `TZOFFSETTO:${offset}`, `TZNAME:${abbr[timeZone] ?? timeZone}`, 'END:STANDARD', 'END:VTIMEZONE'];
}

/** A whole calendar: events are written in their zone's local time with TZID; stamps in UTC. */
export function calendar(opts: { name: string; events: (IcalEvent & { timeZone: string })[]; now?: Date }): string {
	const now = opts.now ?? new Date();
	const zones = [...new Set(opts.events.map((e) => e.timeZone))].sort();
	const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Taman//Virtual Technopark//ID', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(opts.name)}`];
	if (zones.length === 1) lines.push(`X-WR-TIMEZONE:${zones[0]}`);
	for (const z of zones) lines.push(...vtimezone(z));
	for (const e of opts.events) {
		lines.push('BEGIN:VEVENT', `UID:${e.uid}`, `DTSTAMP:${utcStamp(now)}`, `DTSTART;TZID=${e.timeZone}:${localStamp(e.start, e.timeZone)}`, `DTEND;TZID=${e.timeZone}:${localStamp(e.end, e.timeZone)}`, `SUMMARY:${escapeText(e.summary)}`);
		if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
		if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
		if (e.status) lines.push(`STATUS:${e.status}`);
		if (e.url) lines.push(`URL:${e.url}`);
		if (e.modified) lines.push(`LAST-MODIFIED:${utcStamp(e.modified)}`);
		lines.push('END:VEVENT');
	}
	lines.push('END:VCALENDAR');
	return lines.map(fold).join('\r\n') + '\r\n';
}
