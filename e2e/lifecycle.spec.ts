// The embedded database's life with real processes: one owner per data folder, CLI commands that
// join the running server, and recovery after the owner is killed with SIGKILL.
import { test, expect } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const PORT = 3291;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'taman-life-'));
// No ORIGIN, as in the README's quick start: Taman must accept forms posted from http://localhost:PORT.
const env = { ...process.env, PORT: String(PORT), ORIGIN: '', TAMAN_DATA_DIR: dataDir, TAMAN_DEMO: '1', LOG_LEVEL: 'warn', DATABASE_URL: '' };

function start(): ChildProcess & { output: () => string } {
	const child = spawn(process.execPath, ['bin/taman.js', 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
	let out = '';
	child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
	child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
	return Object.assign(child, { output: () => out });
}

async function ready(child: ReturnType<typeof start>) {
	await expect(async () => {
		expect(child.exitCode, child.output()).toBeNull();
		const res = await fetch(`http://127.0.0.1:${PORT}/readyz`);
		expect(res.status).toBe(200);
	}).toPass({ timeout: 90_000, intervals: [250] });
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));
const postgresPid = () => Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
const alive = (pid: number) => {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
};

test.afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

test('one owner per data folder; CLI joins it; a SIGKILLed owner is recovered without losing rows', async () => {
	test.setTimeout(240_000);
	const first = start();
	await ready(first);
	expect(first.output()).toContain(`http://localhost:${PORT}`);
	expect(first.output()).toContain('admin@taman.demo');
	// Signing in with a form posted from the printed address works (it is not taken for a cross-site post).
	const form = await fetch(`http://127.0.0.1:${PORT}/signin?/signin`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: `http://localhost:${PORT}`, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ email: 'admin@taman.demo', password: 'taman-demo-2026' })
	});
	expect(form.status, await form.text()).not.toBe(403);
	expect(form.headers.get('set-cookie') ?? '').toContain('HttpOnly');

	// A second server on the same folder is refused, clearly, and the first keeps serving.
	const second = spawnSync(process.execPath, ['bin/taman.js', 'start'], { env: { ...env, PORT: String(PORT + 1) }, encoding: 'utf8', timeout: 60_000 });
	expect(second.status).not.toBe(0);
	expect(second.stderr).toContain(`Another Taman process (pid ${first.pid}) already runs the embedded database in ${dataDir}`);
	expect((await fetch(`http://127.0.0.1:${PORT}/readyz`)).status).toBe(200);

	// A CLI command uses the running server rather than starting its own.
	const made = spawnSync(process.execPath, ['bin/taman.js', 'user', 'create', '--email', 'bertahan@example.id', '--password', 'tetap-ada-2026', '--name', 'Bertahan'], { env, encoding: 'utf8', timeout: 60_000 });
	expect(made.stderr).toBe('');
	expect(made.status).toBe(0);

	// SIGKILL leaves postgres running without its owner.
	const pgPid = postgresPid();
	first.kill('SIGKILL');
	await exited(first);
	expect(alive(pgPid)).toBe(true);

	// The next start stops the orphan, starts afresh, and the account created before the kill is there.
	const third = start();
	await ready(third);
	expect(alive(pgPid)).toBe(false);
	const signin = await fetch(`http://127.0.0.1:${PORT}/api/v1/me`, { headers: { authorization: 'Bearer nope' } });
	expect(signin.status).toBe(401);
	const token = spawnSync(process.execPath, ['bin/taman.js', 'token', 'create', '--email', 'bertahan@example.id', '--name', 'cek'], { env, encoding: 'utf8', timeout: 60_000 });
	expect(token.status, token.stderr).toBe(0);
	const secret = token.stdout.match(/tmn_\S+/)![0];
	const me = await fetch(`http://127.0.0.1:${PORT}/api/v1/me`, { headers: { authorization: `Bearer ${secret}` } });
	expect(((await me.json()) as { email: string }).email).toBe('bertahan@example.id');

	// SIGTERM shuts down in order: postgres stops and the lock is gone.
	const pg2 = postgresPid();
	third.kill('SIGTERM');
	expect(await exited(third)).toBe(0);
	expect(alive(pg2)).toBe(false);
	expect(fs.existsSync(path.join(dataDir, 'taman.lock'))).toBe(false);
});
