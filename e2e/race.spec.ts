// Two Taman processes on one database, 200 members asking for the same slot at the same moment
// over HTTP: PostgreSQL must let exactly one booking through, whichever process it reaches.
import { test, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const PORTS = [3293, 3294] as const;
const MEMBERS = 200;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'taman-race-'));
const children: ChildProcess[] = [];

function start(port: number, extra: Record<string, string>) {
	const child = spawn(process.execPath, ['bin/taman.js', 'start'], {
		env: { ...process.env, PORT: String(port), ORIGIN: `http://localhost:${port}`, TAMAN_DATA_DIR: dataDir, TAMAN_DEMO: '0', LOG_LEVEL: 'warn', DATABASE_URL: '', ...extra },
		stdio: ['ignore', 'ignore', 'pipe']
	});
	let err = '';
	child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
	children.push(child);
	return { child, err: () => err };
}

async function ready(port: number, p: ReturnType<typeof start>) {
	await expect(async () => {
		expect(p.child.exitCode, p.err()).toBeNull();
		expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
	}).toPass({ timeout: 90_000, intervals: [250] });
}

test.afterAll(async () => {
	await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => (c.once('exit', r), c.kill('SIGTERM'))) : null)));
	fs.rmSync(dataDir, { recursive: true, force: true });
});

test('200 members book one slot through two Taman processes at once: one 201, 199 × 409, one row', async () => {
	test.setTimeout(180_000);
	// The first process owns the embedded database; the second joins it through DATABASE_URL.
	const first = start(PORTS[0], {});
	await ready(PORTS[0], first);
	const state = JSON.parse(fs.readFileSync(path.join(dataDir, 'embedded.json'), 'utf8')) as { port: number; password: string };
	const url = `postgres://postgres:${encodeURIComponent(state.password)}@127.0.0.1:${state.port}/taman`;
	const second = start(PORTS[1], { DATABASE_URL: url });
	await ready(PORTS[1], second);

	// A park, a meeting room, and 200 members each with an API token (rows written directly:
	// 200 sign-ups would only measure password hashing).
	const db = new pg.Client({ connectionString: url });
	await db.connect();
	try {
		const { rows: [park] } = await db.query(`INSERT INTO site (slug, name, kind, time_zone, province_code, regency_code, address) VALUES ('technopark-makassar', 'Technopark Makassar', 'technopark', 'Asia/Makassar', '73', '73.71', 'Makassar') RETURNING id`);
		const { rows: [room] } = await db.query(`INSERT INTO resource (site_id, slug, name, kind, class, always_open, notice_minutes) VALUES ($1, 'ruang-rapat-losari', 'Ruang Rapat Losari', 'meeting_room', 'space', true, 0) RETURNING id`, [park.id]);
		const tokens: string[] = [];
		for (let i = 0; i < MEMBERS; i++) {
			const id = `race-${i}-${crypto.randomBytes(4).toString('hex')}`;
			const secret = `tmn_${crypto.randomBytes(24).toString('base64url')}`;
			await db.query(`INSERT INTO "user" (id, name, email, email_verified) VALUES ($1, $2, $3, true)`, [id, `Anggota ${i}`, `${id}@example.id`]);
			await db.query(`INSERT INTO site_role (user_id, site_id, role) VALUES ($1, $2, 'member')`, [id, park.id]);
			await db.query(`INSERT INTO api_token (user_id, name, prefix, token_hash, scope) VALUES ($1, 'race', $2, $3, 'write')`, [id, secret.slice(0, 10), crypto.createHash('sha256').update(secret).digest('hex')]);
			tokens.push(secret);
		}

		const start = new Date(Math.ceil(Date.now() / 86_400_000 + 2) * 86_400_000 + 2 * 3600_000);
		const body = JSON.stringify({ resourceId: room.id, startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 3600_000).toISOString(), title: 'Rapat' });
		// Every request is sent before any answer is read; odd members go to one process, even to the other.
		const answers = await Promise.all(
			tokens.map((t, i) =>
				fetch(`http://127.0.0.1:${PORTS[i % 2]}/api/v1/bookings`, { method: 'POST', headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json', 'accept-language': 'id' }, body }).then(async (r) => ({ status: r.status, port: PORTS[i % 2], body: await r.text() }))
			)
		);
		const count = (s: number) => answers.filter((a) => a.status === s).length;
		expect(answers.filter((a) => a.status >= 500), JSON.stringify(answers.filter((a) => a.status >= 500).slice(0, 2))).toEqual([]);
		expect(count(201)).toBe(1);
		expect(count(409)).toBe(MEMBERS - 1);
		// Both processes answered, and the refusal names the slot in the park's zone.
		expect(new Set(answers.map((a) => a.port)).size).toBe(2);
		expect(answers.find((a) => a.status === 409)!.body).toContain('WITA');

		const { rows } = await db.query(`SELECT count(*)::int AS n FROM booking WHERE resource_id = $1`, [room.id]);
		expect(rows[0].n).toBe(1);
		const { rows: overlaps } = await db.query(`SELECT count(*)::int AS n FROM booking a JOIN booking b ON a.resource_id = b.resource_id AND a.id < b.id AND a.held && b.held WHERE a.resource_id = $1`, [room.id]);
		expect(overlaps[0].n).toBe(0);
	} finally {
		await db.end();
	}
});
