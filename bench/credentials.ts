// `npm run bench:credentials`: issue 1,000 Open Badges 3.0 credentials in one batch and verify
// 1,000, on a fresh embedded database, against a baseline measured in the same run: bare Ed25519
// (node:crypto) signing and verifying the same bytes — each credential's JSON without its proof.
//
// Issuing is the real path (`issueForClass`: completion rule, status-list position, JSON-LD
// canonicalisation, eddsa-rdfc-2022 proof, insert, audit); verifying is the real path
// (`verifyCredential`: proof against the issuer's published key, expiry, status list).
// Options: --count <n> (default 1000).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';

const { values: opts } = parseArgs({ options: { count: { type: 'string', default: '1000' } } });
const COUNT = Number(opts.count);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'taman-bench-cred-'));
process.env.TAMAN_DATA_DIR = dataDir;
process.env.ORIGIN ??= 'https://taman.example.go.id';
process.env.LOG_LEVEL = 'warn';

const { openDatabase } = await import('../src/lib/server/db/open.ts');
const { db } = await import('../src/lib/server/db/client.ts');
const { site, siteRole } = await import('../src/lib/server/directory/schema.ts');
const { user } = await import('../src/lib/server/auth/schema.ts');
const { course, trainingClass, classSession, enrolment, attendance } = await import('../src/lib/server/training/schema.ts');
const { loadActor } = await import('../src/lib/server/auth/load-actor.ts');
const { issueForClass } = await import('../src/lib/server/training/progress.service.ts');
const { verifyCredential } = await import('../src/lib/server/training/credentials/credential.service.ts');

const database = await openDatabase({ mode: 'own' });
try {
	// A park, its staff member, a course without components (attendance completes it), a class that
	// met yesterday with COUNT participants who all attended.
	const [park] = await db().insert(site).values({ name: 'Cimahi Techno Park', slug: 'cimahi-techno-park', kind: 'technopark', timeZone: 'Asia/Jakarta', provinceCode: '32', regencyCode: '32.77' }).returning();
	const [staff] = await db().insert(user).values({ id: 'bench-staff', name: 'Agus Setiawan', email: 'staf@bench.example', emailVerified: true }).returning();
	await db().insert(siteRole).values({ userId: staff!.id, siteId: park!.id, role: 'site_staff' });
	const people = Array.from({ length: COUNT }, (_, i) => ({ id: `bench-${i}`, name: `Peserta ${i + 1}`, email: `peserta${i + 1}@bench.example`, emailVerified: true }));
	for (let i = 0; i < people.length; i += 500) await db().insert(user).values(people.slice(i, i + 500));
	const [c] = await db().insert(course).values({ siteId: park!.id, slug: 'intel-iot', title: 'Intel IoT Fundamentals', provider: 'Intel', skills: ['iot', 'sensor'], durationHours: 16, minAttendance: 100 }).returning();
	const [k] = await db().insert(trainingClass).values({ courseId: c!.id, title: 'Angkatan Bench', capacity: COUNT }).returning();
	const [s] = await db().insert(classSession).values({ classId: k!.id, startsAt: new Date(Date.now() - 30 * 3_600_000), endsAt: new Date(Date.now() - 27 * 3_600_000) }).returning();
	for (let i = 0; i < people.length; i += 500) {
		const batch = people.slice(i, i + 500);
		await db().insert(enrolment).values(batch.map((p) => ({ classId: k!.id, userId: p.id, status: 'enrolled' as const })));
		await db().insert(attendance).values(batch.map((p) => ({ sessionId: s!.id, userId: p.id, method: 'list' as const })));
	}
	const actor = (await loadActor(staff!.id, 'write', 'session'))!;

	// Issue the batch.
	const t0 = performance.now();
	const issued = await issueForClass(actor, k!.id);
	const issueMs = performance.now() - t0;
	if (issued.length !== COUNT) throw new Error(`issued ${issued.length}, expected ${COUNT}`);

	// Verify each one.
	const verifyMs: number[] = [];
	for (const x of issued) {
		const v0 = performance.now();
		const r = await verifyCredential(x.document);
		verifyMs.push(performance.now() - v0);
		if (r.state !== 'valid') throw new Error(`credential ${x.id} verified as ${r.state}`);
	}

	// Baseline: bare Ed25519 over the same bytes.
	const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
	const bytes = issued.map((x) => {
		const { proof: _p, ...rest } = x.document;
		return Buffer.from(JSON.stringify(rest));
	});
	const b0 = performance.now();
	const sigs = bytes.map((b) => crypto.sign(null, b, privateKey));
	const bareSignMs = performance.now() - b0;
	const bareVerifyMs = bytes.map((b, i) => {
		const v0 = performance.now();
		if (!crypto.verify(null, b, publicKey, sigs[i]!)) throw new Error('bare verify failed');
		return performance.now() - v0;
	});

	const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1]!;
	const rate = (COUNT / issueMs) * 1000;
	const bareRate = (COUNT / bareSignMs) * 1000;
	const f = (n: number, d = 1) => n.toFixed(d);
	const rows = [
		'| Figure | Bare Ed25519 | Taman | Ratio |',
		'|---|---:|---:|---:|',
		`| Issue ${COUNT} in one batch, credentials/s | ${f(bareRate, 0)} | ${f(rate)} | ${(rate / bareRate).toFixed(4)}× |`,
		`| Verify, p95 latency ms (of ${COUNT}) | ${f(p95(bareVerifyMs), 3)} | ${f(p95(verifyMs))} | ${f(p95(verifyMs) / p95(bareVerifyMs), 0)}× |`,
		`| Verify, median latency ms | ${f(bareVerifyMs.sort((a, b) => a - b)[COUNT >> 1]!, 3)} | ${f([...verifyMs].sort((a, b) => a - b)[COUNT >> 1]!)} | |`
	];
	console.log(`Node ${process.version}, ${os.cpus().length} cores, ${COUNT} credentials, ${new Date().toISOString()}\n`);
	console.log(rows.join('\n'));
	fs.mkdirSync(path.join(import.meta.dirname, 'results'), { recursive: true });
	fs.writeFileSync(path.join(import.meta.dirname, 'results', 'credentials.md'), rows.join('\n') + '\n');
} finally {
	await database.close();
	fs.rmSync(dataDir, { recursive: true, force: true });
}
