import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { sql } from 'drizzle-orm';
import type { Db } from './client.ts';

/** The committed migrations folder, found from the package root whether run from src/ or build/. */
export function migrationsFolder(): string {
	let dir = path.dirname(fileURLToPath(import.meta.url));
	for (let i = 0; i < 6; i++) {
		const candidate = path.join(dir, 'drizzle');
		if (fs.existsSync(path.join(candidate, 'meta', '_journal.json'))) return candidate;
		dir = path.dirname(dir);
	}
	return path.resolve('drizzle');
}

export async function runMigrations(db: Db) {
	await migrate(db, { migrationsFolder: migrationsFolder() });
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
