import { readConfig, type Config } from '../config.ts';
import { openEmbedded, type EmbeddedHandle } from './embedded.ts';
import { createDb, setDb, closeDb, db, type Db } from './client.ts';
import { runMigrations } from './migrate.ts';

export interface OpenDatabase {
	db: Db;
	url: string;
	embedded: EmbeddedHandle | undefined;
	close(): Promise<void>;
}

/**
 * Open Taman's database: DATABASE_URL when set, else the embedded server in the data folder
 * (`own` for the web server, `use` for commands that join a running one). Migrations are applied.
 */
export async function openDatabase(opts: { mode: 'own' | 'use'; config?: Config; migrate?: boolean; onLog?: (m: string) => void }): Promise<OpenDatabase> {
	const config = opts.config ?? readConfig();
	let embedded: EmbeddedHandle | undefined;
	let url = config.databaseUrl;
	if (!url) {
		embedded = await openEmbedded({ dataDir: config.dataDir, mode: opts.mode, onLog: opts.onLog });
		url = embedded.url;
	}
	const database = createDb(url);
	setDb(database);
	if (opts.migrate !== false) await runMigrations(database);
	return {
		db: database,
		url,
		embedded,
		close: async () => {
			await closeDb();
			await embedded?.stop();
		}
	};
}

export { db };
