import crypto from 'node:crypto';
import pg from 'pg';
import { inject, beforeAll, afterAll } from 'vitest';
import { createDb, setDb, closeDb, db } from '../src/lib/server/db/client.ts';
import { siblingUrl } from '../src/lib/server/db/embedded.ts';
import { resetAuth } from '../src/lib/server/auth/auth.ts';

/** A fresh, migrated database for this test file (cloned from the run's template). */
export function useTestDb() {
	beforeAll(async () => {
		const adminUrl = inject('dbAdminUrl');
		const name = `taman_t${inject('dbTemplate').split('_').pop()}_${crypto.randomBytes(4).toString('hex')}`;
		const admin = new pg.Client(adminUrl);
		await admin.connect();
		await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('dbTemplate')}`);
		await admin.end();
		setDb(createDb(siblingUrl(adminUrl, name), 5));
		resetAuth();
	});
	afterAll(async () => {
		await closeDb();
	});
	return db;
}
