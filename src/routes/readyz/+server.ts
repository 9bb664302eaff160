import { sql } from 'drizzle-orm';
import type { RequestHandler } from './$types';
import { db } from '$lib/server/db/client';
import { migrationsCurrent } from '$lib/server/db/migrate';

/** Ready for traffic: the database answers and every migration is applied. */
export const GET: RequestHandler = async () => {
	let database = false;
	let migrations = false;
	try {
		await db().execute(sql`SELECT 1`);
		database = true;
		migrations = await migrationsCurrent(db());
	} catch {
		/* reported below */
	}
	const ok = database && migrations;
	return new Response(JSON.stringify({ status: ok ? 'ok' : 'unavailable', database, migrations }), {
		status: ok ? 200 : 503,
		headers: { 'content-type': 'application/json' }
	});
};
