import path from 'node:path';
import fs from 'node:fs';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { sql } from 'drizzle-orm';
import type { Db } from './client.ts';
import { packageRoot } from '../platform/paths.ts';
import { syncHolidays } from '../facilities/holidays.ts';

/** The committed migrations folder. */
export const migrationsFolder = () => path.join(packageRoot(), 'drizzle');

/** Apply pending migrations, then load reference data shipped with Taman (holiday decrees). */
export async function runMigrations(db: Db) {
	await migrate(db, { migrationsFolder: migrationsFolder() });
	await syncHolidays(db);
}

/** True when every committed migration has been applied (for /readyz). */
export async function migrationsCurrent(db: Db): Promise<boolean> {
	const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder(), 'meta', '_journal.json'), 'utf8')) as {
		entries: unknown[];
	};
	try {
		const res = await db.execute(sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`);
		return (res.rows[0] as { n: number }).n >= journal.entries.length;
	} catch {
		return false;
	}
}
