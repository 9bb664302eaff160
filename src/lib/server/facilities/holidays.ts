import fs from 'node:fs';
import path from 'node:path';
import { and, eq, gte, lte, isNull, or, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { holiday, holidayOptOut } from './schema.ts';
import { packageRoot } from '../platform/paths.ts';

interface YearFile {
	year: number;
	source: string;
	days: { day: string; kind: 'national' | 'joint_leave'; id: string; en: string; islamic?: boolean }[];
}

/** The versioned decree data shipped with Taman (src/lib/server/facilities/holidays/<year>.json). */
function yearFiles(): YearFile[] {
	const dir = path.join(packageRoot(), 'src/lib/server/facilities/holidays');
	if (!fs.existsSync(dir)) return [];
	return fs
		.readdirSync(dir)
		.filter((f) => /^\d{4}\.json$/.test(f))
		.map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as YearFile);
}

let islamic: Set<string> | undefined;
/** Names of the decree's days that follow the Islamic calendar (their dates may be moved after the sidang isbat). */
export function islamicNames(): Set<string> {
	islamic ??= new Set(yearFiles().flatMap((y) => y.days.filter((d) => d.islamic).map((d) => d.id)));
	return islamic;
}

/**
 * Load each year's decree once. A year already loaded is left alone, so dates a network admin
 * adjusted (Islamic days after the sidang isbat) are never overwritten by a restart.
 */
export async function syncHolidays(database: Db): Promise<number> {
	let added = 0;
	for (const y of yearFiles()) {
		const [existing] = await database.select({ id: holiday.id }).from(holiday).where(and(eq(holiday.source, y.source), isNull(holiday.siteId))).limit(1);
		if (existing) continue;
		const rows = await database
			.insert(holiday)
			.values(y.days.map((d) => ({ day: d.day, kind: d.kind, nameId: d.id, nameEn: d.en, siteId: null, source: y.source })))
			.onConflictDoNothing()
			.returning({ id: holiday.id });
		added += rows.length;
	}
	return added;
}

export interface ClosedDay {
	day: string;
	kind: 'national' | 'joint_leave' | 'regional';
	nameId: string;
	nameEn: string;
}

/** Days the site is closed between two local dates: national days it did not opt out of, and its own regional days. */
export async function closedDays(tx: Tx, siteId: string, from: string, to: string): Promise<Map<string, ClosedDay>> {
	const rows = await tx
		.select({ day: holiday.day, kind: holiday.kind, nameId: holiday.nameId, nameEn: holiday.nameEn, siteId: holiday.siteId })
		.from(holiday)
		.where(and(gte(holiday.day, from), lte(holiday.day, to), or(isNull(holiday.siteId), eq(holiday.siteId, siteId))));
	const optOuts = rows.length
		? new Set(
				(await tx.select({ day: holidayOptOut.day }).from(holidayOptOut).where(and(eq(holidayOptOut.siteId, siteId), inArray(holidayOptOut.day, rows.map((r) => r.day))))).map((r) => r.day)
			)
		: new Set<string>();
	const out = new Map<string, ClosedDay>();
	for (const r of rows) if (r.siteId || !optOuts.has(r.day)) if (!out.has(r.day)) out.set(r.day, r);
	return out;
}
