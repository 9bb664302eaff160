import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import fs from 'node:fs';
import path from 'node:path';
import { readConfig } from '../lib/server/config.ts';
import { openDatabase, type OpenDatabase } from '../lib/server/db/open.ts';
import { DataDirBusyError } from '../lib/server/db/embedded.ts';
import { AppError } from '../lib/server/platform/errors.ts';
import { runShutdown } from '../lib/server/platform/shutdown.ts';
import { packageRoot } from '../lib/server/platform/paths.ts';

const HELP: Record<string, string> = {
	'': `Taman — Virtual Technopark

Usage: npx taman <command> [options]

Commands:
  start                 Start Taman (database, migrations, demo data on first start, web server, worker)
  migrate               Apply database migrations
  seed --demo           Load the demo network (idempotent)
  worker                Run the outbox worker (e-mail delivery) on its own
  user create           Create a verified account (--admin for a network admin)
  token create          Create a personal API token for an account

Run "npx taman <command> --help" for a command's options.
Environment: DATABASE_URL, TAMAN_DATA_DIR, PORT, ORIGIN, SMTP_URL, MAIL_FROM, AUTH_SECRET, TAMAN_DEMO (see README).`,
	start: `Usage: npx taman start

Starts the embedded PostgreSQL in TAMAN_DATA_DIR (default ./data) unless DATABASE_URL is set,
applies migrations, loads the demo network into an empty database, and serves Taman on PORT
(default 3000). Stops cleanly on Ctrl-C / SIGTERM. Needs a build (npm start builds when needed).`,
	migrate: `Usage: npx taman migrate

Applies pending migrations from drizzle/. Uses the running embedded server if Taman is up.`,
	seed: `Usage: npx taman seed --demo

Loads the demo network (parks, partner organisations, tenants, one account per role).
Safe to run again: existing rows are kept.`,
	worker: `Usage: npx taman worker

Delivers the outbox (e-mail with retries and backoff) until stopped. The web process runs one
too unless TAMAN_WORKER=off; several workers never deliver one message twice.`,
	user: `Usage: npx taman user create --email <e-mail> --password <password> [--name <name>] [--admin]

Creates a verified account. --admin makes it a network admin (all parks).`,
	token: `Usage: npx taman token create --email <e-mail> --name <token name> [--scope read|write]

Creates a personal API token for the account and prints it once. Default scope: read.`
};

function fail(message: string): never {
	console.error(`error: ${message}`);
	process.exit(1);
}

/** Open the database for a one-off command: join a running Taman or start the server briefly. */
async function withDb<T>(fn: (d: OpenDatabase) => Promise<T>): Promise<T> {
	const d = await openDatabase({ mode: 'use' });
	try {
		return await fn(d);
	} finally {
		await d.close();
	}
}

export async function main(argv: string[]) {
	const [cmd = '', sub] = argv;
	const { values } = parseArgs({
		args: argv.slice(cmd === 'user' || cmd === 'token' ? 2 : 1),
		options: {
			help: { type: 'boolean', short: 'h' },
			demo: { type: 'boolean' },
			admin: { type: 'boolean' },
			email: { type: 'string' },
			password: { type: 'string' },
			name: { type: 'string' },
			scope: { type: 'string' }
		},
		strict: true
	});
	if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') return console.log(HELP['']);
	if (values.help) return console.log(HELP[cmd] ?? HELP['']);
	try {
		switch (cmd) {
			case 'start':
				return await start();
			case 'migrate':
				await withDb(async () => {});
				return console.log('Migrations are up to date.');
			case 'seed': {
				if (!values.demo) fail('only "seed --demo" exists');
				const { seedDemo } = await import('../lib/server/demo/seed.ts');
				const r = await withDb(() => seedDemo());
				return console.log(`Demo network loaded: ${r.sites} parks, ${r.organizations} organisations, ${r.accounts} new accounts.`);
			}
			case 'worker':
				return await worker();
			case 'user': {
				if (sub !== 'create') fail('usage: npx taman user create --email … --password … [--admin]');
				if (!values.email || !values.password) fail('--email and --password are required');
				const { createVerifiedUser } = await import('../lib/server/auth/account.service.ts');
				const id = await withDb(() => createVerifiedUser({ email: values.email!, password: values.password!, name: values.name ?? values.email!.split('@')[0]!, admin: values.admin }));
				return console.log(`Created ${values.admin ? 'network admin' : 'account'} ${values.email} (${id}).`);
			}
			case 'token': {
				if (sub !== 'create') fail('usage: npx taman token create --email … --name … [--scope read|write]');
				if (!values.email || !values.name) fail('--email and --name are required');
				const scope = values.scope ?? 'read';
				const token = await withDb(async () => {
					const { loadActorByEmail } = await import('../lib/server/auth/load-actor.ts');
					const { createToken } = await import('../lib/server/auth/tokens.service.ts');
					const actor = await loadActorByEmail(values.email!);
					if (!actor) fail(`no account with e-mail ${values.email}`);
					return createToken(actor, { name: values.name, scope });
				});
				console.error(`Token "${token.name}" (${token.scope}) for ${values.email}. It is shown only this once:`);
				return console.log(token.secret);
			}
			default:
				fail(`unknown command "${cmd}". Run "npx taman --help".`);
		}
	} catch (e) {
		if (e instanceof DataDirBusyError) fail(e.message);
		if (e instanceof AppError) fail(`${e.key}${e.fields.length ? ' ' + e.fields.map((f) => `${f.field}: ${f.key}`).join(', ') : ''}`);
		throw e;
	}
}

async function worker() {
	const { startWorker } = await import('../lib/server/platform/worker.ts');
	const d = await openDatabase({ mode: 'use' });
	const stop = startWorker(readConfig());
	console.log('Outbox worker running. Ctrl-C to stop.');
	const shutdown = async () => {
		await stop();
		await d.close();
		process.exit(0);
	};
	process.once('SIGINT', () => void shutdown());
	process.once('SIGTERM', () => void shutdown());
}

/** No park yet: a database nothing has been loaded into. */
async function isEmpty(d: OpenDatabase): Promise<boolean> {
	const { rows } = await d.db.$client.query<{ n: number }>('SELECT count(*)::int AS n FROM site');
	return rows[0]?.n === 0;
}

/**
 * `taman seed --demo` as a child process on the database this process owns. Loading the demo in
 * the web server's own process left its code and garbage there for good: about 12 MB more
 * resident memory on every first start (bench/README.md).
 */
function seedInChild(databaseUrl: string): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [path.join(packageRoot(), 'bin', 'taman.js'), 'seed', '--demo'], {
			env: { ...process.env, DATABASE_URL: databaseUrl },
			stdio: ['ignore', 'inherit', 'inherit']
		});
		child.once('error', reject);
		child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`loading the demo network failed (exit code ${code})`))));
	});
}

async function start() {
	const config = readConfig();
	const handler = path.join(packageRoot(), 'build', 'handler.js');
	if (!fs.existsSync(handler)) fail('no build found: run "npm run build" (npm start does this for you)');
	const t0 = Date.now();
	const d = await openDatabase({ mode: 'own', onLog: (m) => console.log(m) });
	const { demoAccounts, DEMO_PASSWORD } = await import('../lib/server/demo/accounts.ts');
	let seeded = false;
	if (!config.databaseUrl && config.demo && (await isEmpty(d))) {
		console.log('Empty database: loading the demo network …');
		await seedInChild(d.url);
		seeded = true;
	}
	// The web app (built by SvelteKit) opens its own pool on the same database.
	process.env.DATABASE_URL = d.url;
	process.env.TAMAN_EMBEDDED = d.embedded ? '1' : '';
	// adapter-node checks form posts against ORIGIN and, when it is unset, assumes https — so on
	// plain http://localhost every form (sign-in first) would be refused as cross-site.
	process.env.ORIGIN ||= config.origin;
	const { startServer } = await import('./serve.ts');
	const server = await startServer(handler, config.port);
	console.log(`\nTaman is running at ${config.origin}  (ready in ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
	if (config.demo) {
		console.log(`\nDemo accounts${seeded ? ' (just created)' : ''} — password for all: ${DEMO_PASSWORD}`);
		for (const a of demoAccounts) console.log(`  ${a.email.padEnd(28)} ${a.note}`);
		console.log(`\nE-mail is kept in the outbox and readable at ${config.origin}/dev/mail`);
	}
	let stopping = false;
	const shutdown = async (signal: string) => {
		if (stopping) return;
		stopping = true;
		console.log(`\n${signal}: stopping Taman …`);
		await server.close();
		await runShutdown();
		await d.close();
		process.exit(0);
	};
	process.on('SIGINT', () => void shutdown('SIGINT'));
	process.on('SIGTERM', () => void shutdown('SIGTERM'));
}
