import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import * as schema from './schema.ts';

export type Db = NodePgDatabase<typeof schema> & { $client: pg.Pool };
/** A transaction or the database: repositories accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

let current: Db | undefined;

/** Create a pool for `url`. Opened lazily: never at module load (vite build imports this file). */
export function createDb(url: string, max = 10): Db {
	const pool = new pg.Pool({ connectionString: url, max });
	// An idle client losing its server (restart, shutdown) must not crash the process.
	pool.on('error', (err) => console.error(`database connection lost: ${err.message}`));
	return drizzle(pool, { schema, casing: 'snake_case' }) as Db;
}

const preparedByDb = new WeakMap<Db, Map<string, unknown>>();

/**
 * A query built once per database and kept as a named PostgreSQL prepared statement: hot public
 * reads skip Drizzle's query building and PostgreSQL's parsing on every request. `build` must
 * use `sql.placeholder(...)` for every value that varies.
 */
export function prepared<T>(name: string, build: (d: Db) => T): T {
	const d = db();
	let cache = preparedByDb.get(d);
	if (!cache) preparedByDb.set(d, (cache = new Map()));
	if (!cache.has(name)) cache.set(name, build(d));
	return cache.get(name) as T;
}

export function setDb(db: Db) {
	current = db;
}

export function db(): Db {
	if (!current) throw new Error('The database is not open yet (openDatabase was not called).');
	return current;
}

export async function closeDb() {
	await current?.$client.end();
	current = undefined;
}

/** SQLSTATE of a driver error, looking through Drizzle's wrapping (`err.cause`). */
export function pgCode(err: unknown): string | undefined {
	for (let e = err as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 4; e = e.cause as typeof e, i++) {
		if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
	}
	return undefined;
}

export function pgConstraint(err: unknown): string | undefined {
	for (let e = err as { constraint?: unknown; cause?: unknown } | undefined, i = 0; e && i < 4; e = e.cause as typeof e, i++) {
		if (typeof e.constraint === 'string') return e.constraint;
	}
	return undefined;
}
