import { and, eq, gt, or, sql, SQL, type Column } from 'drizzle-orm';
import { prepared, type Db } from '../db/client.ts';
import type { Page } from '../../schemas/common.ts';
import { AppError } from './errors.ts';

/** Keyset paging over (sort column, id): stable under inserts, no OFFSET scans. */
export interface Paged<T> {
	items: T[];
	nextCursor: string | null;
}

type Key = [string | number, string | number];

export function decodeCursor(cursor: string | undefined): Key | undefined {
	if (!cursor) return undefined;
	try {
		const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
		if (Array.isArray(v) && v.length === 2) return v as Key;
	} catch {
		/* fall through */
	}
	throw new AppError('BAD_REQUEST', 'err_cursor');
}

export function afterCursor(sort: Column | SQL, id: Column, cursor: string | undefined): SQL | undefined {
	const key = decodeCursor(cursor);
	if (!key) return undefined;
	// The same condition either way; the branches only let each overload of gt/eq see one type.
	if (sort instanceof SQL) return or(gt(sort, key[0]), and(eq(sort, key[0]), gt(id, key[1])));
	return or(gt(sort, key[0]), and(eq(sort, key[0]), gt(id, key[1])));
}

/** The same keyset condition for a prepared statement: the cursor arrives as `afterSort`/`afterId`. */
export function afterPlaceholders(sort: Column, id: Column): SQL | undefined {
	return or(gt(sort, sql.placeholder('afterSort')), and(eq(sort, sql.placeholder('afterSort')), gt(id, sql.placeholder('afterId'))));
}

/**
 * Run one page of a prepared keyset query. `build` makes the statement named `name` with or
 * without the cursor condition (`afterPlaceholders`) and a `limit` placeholder; both variants are
 * prepared once per database. Returns limit+1 rows for `page`.
 */
export function preparedPage<R>(
	name: string,
	build: (d: Db, withCursor: boolean, name: string) => { execute: (values: Record<string, unknown>) => Promise<R[]> },
	p: Page,
	values: Record<string, unknown> = {}
): Promise<R[]> {
	const key = decodeCursor(p.cursor);
	const variant = `${name}_${key ? 'after' : 'first'}`;
	const query = prepared(variant, (d) => build(d, !!key, variant));
	return query.execute({ ...values, limit: p.limit + 1, ...(key ? { afterSort: key[0], afterId: key[1] } : {}) });
}

/** Fetch limit+1 rows, return `limit` and the cursor of the last one when more exist. */
export function page<R, T>(rows: R[], limit: number, key: (r: R) => Key, map: (r: R) => T): Paged<T> {
	const more = rows.length > limit;
	const kept = more ? rows.slice(0, limit) : rows;
	const last = kept[kept.length - 1];
	return {
		items: kept.map(map),
		nextCursor: more && last ? Buffer.from(JSON.stringify(key(last))).toString('base64url') : null
	};
}
