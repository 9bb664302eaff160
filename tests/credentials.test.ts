import { describe, it, expect, beforeAll } from 'vitest';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { decodeList } from '@digitalbazaar/vc-bitstring-status-list';
import { useTestDb } from './db.ts';
import { makeSite, makeUser, makeMembers, makeResource, refusal, auditCount } from './factories.ts';
import { createBooking } from '../src/lib/server/facilities/booking.service.ts';
import { qualification } from '../src/lib/server/facilities/schema.ts';
import { createClass, createCourse, enrol } from '../src/lib/server/training/course.service.ts';
import { issueForClass, recordAttendance, recordScores, setAssessment } from '../src/lib/server/training/progress.service.ts';
import { classCredentials, myCredentials, revokeCredential, statusListCredential, validCredentialsOf, verifyCredential } from '../src/lib/server/training/credentials/credential.service.ts';
import { issuerDocument, issuerOf, rotateKey, staticLoader } from '../src/lib/server/training/credentials/keys.ts';
import { db } from '../src/lib/server/db/client.ts';
import { exportMyData } from '../src/lib/server/directory/people.service.ts';
import { course, issuerKey } from '../src/lib/server/training/schema.ts';
import { eq } from 'drizzle-orm';
import type { UserActor } from '../src/lib/server/auth/actor.ts';

useTestDb();

const ISSUED = new Date('2026-11-20T08:00:00Z');
const session = { startsAt: '2026-11-16T09:00:00+07:00', endsAt: '2026-11-16T12:00:00+07:00' };

/**
 * An independent verifier: only what Taman publishes — the credential itself, the issuer's
 * profile with its keys (as `/api/v1/issuers/{slug}` serves it) and the status list credential
 * (as `/api/v1/status-lists/{slug}` serves it) — and the JSON-LD contexts from their packages.
 */
/** The status is read from the list below, apart from the proof. */
const statusApart = async () => ({ verified: true });

async function independentlyVerify(doc: Record<string, unknown>, published: { issuer: Awaited<ReturnType<typeof issuerDocument>>; list: Record<string, unknown> }) {
	const statics = staticLoader();
	statics.addStatic(published.issuer.id, published.issuer);
	for (const k of published.issuer.verificationMethod) statics.addStatic(k.id, { '@context': 'https://w3id.org/security/multikey/v1', ...k });
	statics.addStatic(published.list.id as string, published.list);
	const documentLoader = statics.build();
	const proof = await vc.verifyCredential({ credential: doc, suite: new DataIntegrityProof({ cryptosuite }), documentLoader, now: ISSUED, checkStatus: statusApart });
	const list = await vc.verifyCredential({ credential: published.list, suite: new DataIntegrityProof({ cryptosuite }), documentLoader });
	const status = doc.credentialStatus as { statusListIndex: string };
	const bits = await decodeList({ encodedList: (published.list.credentialSubject as { encodedList: string }).encodedList });
	return { proof: proof.verified, list: list.verified, revoked: bits.getStatus(Number(status.statusListIndex)) };
}

/** Every string in a document, with a setter that changes it. */
function leaves(o: unknown, at: string[] = []): { path: string; change: (doc: Record<string, unknown>) => void }[] {
	if (typeof o === 'string') return [{ path: at.join('.'), change: (doc) => {
		let t: Record<string, unknown> = doc;
		for (const k of at.slice(0, -1)) t = t[k] as Record<string, unknown>;
		t[at.at(-1)!] = `${o}x`;
	} }];
	if (o && typeof o === 'object') return Object.entries(o).flatMap(([k, v]) => leaves(v, [...at, k]));
	return [];
}

describe('verifiable credentials (Open Badges 3.0)', () => {
	let park: { id: string; slug: string };
	let staff: UserActor;
	let trainer: UserActor;
	let classId: string;
	let people: UserActor[];

	beforeAll(async () => {
		park = await makeSite({ name: 'Cimahi Techno Park' });
		staff = await makeUser('site_staff', park.id);
		trainer = await makeUser('mentor', park.id);
		const c = await createCourse(staff, park.slug, { slug: 'harmony', title: 'Toon Boom Harmony Essentials', provider: 'Toon Boom Animation', skills: ['Animasi 2D'], durationHours: 24 });
		const scheme = await setAssessment(staff, c.id, { passMark: 70, minAttendance: 100, components: [{ kind: 'project', title: 'Proyek', weight: 1 }] });
		const k = await createClass(staff, c.id, { title: 'Angkatan November', capacity: 5, trainerIds: [trainer.userId], sessions: [session] }, new Date('2026-11-01T00:00:00Z'));
		classId = k.id;
		people = (await makeMembers(3, null)) as UserActor[];
		for (const p of people) await enrol(p, k.id, new Date('2026-11-01T00:00:00Z'));
		await recordAttendance(trainer, k.sessions[0]!.id, { present: people.map((p) => p.userId) }, new Date(session.endsAt));
		// Two pass, one scores under the mark.
		await recordScores(trainer, k.id, { scores: people.map((p, i) => ({ userId: p.userId, componentId: scheme.components[0]!.id, score: [90, 75, 40][i]! })) }, ISSUED);
	});

	it('issues to those who completed, once; the credential verifies with public information only; any changed field fails', async () => {
		// Recording the scores that completed two of them issued their certificates; asking again issues none.
		const member = await makeUser('member', park.id);
		expect((await refusal(issueForClass(member, classId, ISSUED))).code).toBe('FORBIDDEN');
		expect((await refusal(classCredentials(member, classId))).code).toBe('FORBIDDEN');
		const issued = await classCredentials(trainer, classId);
		expect(issued.map((c) => c.userId).sort()).toEqual([people[0]!.userId, people[1]!.userId].sort());
		expect(await issueForClass(staff, classId, ISSUED)).toEqual([]);
		expect((await myCredentials(people[0]!)).map((c) => c.courseTitle)).toEqual(['Toon Boom Harmony Essentials']);
		expect(await myCredentials(people[2]!)).toEqual([]);
		// The holder's data export (UU PDP) carries the signed credential, attendance and scores.
		const mine = await exportMyData(people[0]!);
		expect(mine.credentials.map((c) => c.document.id)).toEqual([issued.find((c) => c.userId === people[0]!.userId)!.url]);
		expect(mine.attendance).toMatchObject([{ course: 'Toon Boom Harmony Essentials', method: 'list' }]);
		expect(mine.scores).toMatchObject([{ component: 'Proyek', score: 90 }]);
		const doc = issued[0]!.document;
		expect(doc).toMatchObject({ type: ['VerifiableCredential', 'OpenBadgeCredential'], issuer: { name: 'Cimahi Techno Park' }, name: 'Toon Boom Harmony Essentials', credentialSubject: { achievement: { name: 'Toon Boom Harmony Essentials', alignment: [{ targetName: 'animasi 2d' }] } }, credentialStatus: { type: 'BitstringStatusListEntry', statusPurpose: 'revocation' }, proof: { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022' } });
		// No e-mail address in the clear: the subject is identified by a salted hash.
		expect(JSON.stringify(doc)).not.toContain('@example.id');

		const published = { issuer: await issuerDocument(await issuerOf(park.id)), list: await statusListCredential(park.slug) };
		expect(await independentlyVerify(doc, published)).toEqual({ proof: true, list: true, revoked: false });
		expect((await verifyCredential(doc, ISSUED)).state).toBe('valid');

		const fields = leaves(doc).filter((l) => !l.path.startsWith('proof.'));
		expect(fields.length).toBeGreaterThan(20);
		for (const f of fields) {
			const changed = structuredClone(doc);
			f.change(changed);
			expect((await independentlyVerify(changed, published).catch(() => ({ proof: false }))).proof, f.path).toBe(false);
			expect(['tampered', 'unknown_issuer'], f.path).toContain((await verifyCredential(changed, ISSUED)).state);
		}
	});

	it('a revoked credential shows revoked at once; only the issuing park\'s staff may revoke', async () => {
		const [first] = await verifyList();
		const other = await makeUser('site_staff', (await makeSite()).id);
		const denied = await auditCount(undefined, 'denied');
		expect((await refusal(revokeCredential(other, first!.id, { reason: 'Salah terbit' }))).code).toBe('FORBIDDEN');
		expect(await auditCount(undefined, 'denied')).toBe(denied + 1);
		expect((await refusal(revokeCredential(staff, first!.id, { reason: '' }))).fields).toMatchObject([{ field: 'reason', key: 'err_field_required' }]);
		expect((await verifyCredential(first!.document, ISSUED)).state).toBe('valid');
		await revokeCredential(staff, first!.id, { reason: 'Nilai proyek dibatalkan setelah pemeriksaan ulang' });
		expect((await verifyCredential(first!.document, ISSUED)).state).toBe('revoked');
		const published = { issuer: await issuerDocument(await issuerOf(park.id)), list: await statusListCredential(park.slug) };
		expect(await independentlyVerify(first!.document, published)).toEqual({ proof: true, list: true, revoked: true });
		expect((await refusal(revokeCredential(staff, first!.id, { reason: 'lagi' }))).key).toBe('err_credential_revoked');
		expect((await validCredentialsOf(first!.userId)).map((c) => c.id)).not.toContain(first!.id);
	});

	it('expiry is honoured, and a rotated key leaves earlier credentials valid', async () => {
		const [c] = await db().select().from(course).where(eq(course.slug, 'harmony'));
		await db().update(course).set({ validityMonths: 1 }).where(eq(course.id, c!.id));
		const k = await createClass(staff, c!.id, { title: 'Angkatan Lama', capacity: 5, sessions: [{ startsAt: '2026-08-03T09:00:00+07:00', endsAt: '2026-08-03T12:00:00+07:00' }] }, new Date('2026-07-01T00:00:00Z'));
		const [p] = (await makeMembers(1, null)) as UserActor[];
		await enrol(p!, k.id, new Date('2026-07-01T00:00:00Z'));
		await recordAttendance(staff, k.sessions[0]!.id, { present: [p!.userId] }, new Date('2026-08-03T05:00:00Z'));
		const component = (await setAssessment(staff, c!.id, { passMark: 70, minAttendance: 100, components: [{ id: (await componentId(c!.id)), kind: 'project', title: 'Proyek', weight: 1 }] })).components[0]!.id;
		const before = await rotateKeyAndCount();
		await recordScores(staff, k.id, { scores: [{ userId: p!.userId, componentId: component, score: 80 }] }, new Date('2026-08-04T00:00:00Z'));
		const [old] = await classCredentials(staff, k.id);
		expect(old!.validUntil).toBe('2026-09-04T00:00:00.000Z');
		expect((old!.document.proof as { verificationMethod: string }).verificationMethod).toMatch(/#key-2$/);
		expect((await verifyCredential(old!.document, new Date('2026-11-24T00:00:00Z'))).state).toBe('expired');
		expect((await verifyCredential(old!.document, new Date('2026-08-20T00:00:00Z'))).state).toBe('valid');
		// Credentials signed with the retired key still verify; new ones use the new key.
		const keys = await db().select().from(issuerKey).where(eq(issuerKey.siteId, park.id));
		expect(keys.length).toBe(before + 1);
		expect((await verifyList()).every((x) => x.document)).toBe(true);
		for (const x of await verifyList()) if (!x.revokedAt && !x.validUntil) expect((await verifyCredential(x.document, ISSUED)).state).toBe('valid');
	});

	it('a certificate that grants a qualification opens the equipment; revoked, it closes it at once', async () => {
		const [q] = await db().insert(qualification).values({ siteId: park.id, name: 'Induksi keselamatan motion capture' }).returning();
		const stage = await makeResource(park.id, { name: 'Panggung Motion Capture', kind: 'mocap_stage', class: 'equipment', alwaysOpen: true, qualificationId: q!.id });
		const induction = await createCourse(staff, park.slug, { slug: 'induksi-mocap', title: 'Induksi Motion Capture', durationHours: 2, qualificationId: q!.id });
		expect((await refusal(createCourse(staff, park.slug, { slug: 'lain', title: 'Lain', durationHours: 2, qualificationId: (await db().insert(qualification).values({ siteId: (await makeSite()).id, name: 'Lain' }).returning())[0]!.id }))).fields).toMatchObject([{ field: 'qualificationId', key: 'err_qualification_not_found' }]);
		const k = await createClass(staff, induction.id, { title: 'Induksi Januari', capacity: 4, sessions: [session] }, new Date('2026-11-01T00:00:00Z'));
		const dancer = await makeUser('member', park.id);
		await enrol(dancer, k.id, new Date('2026-11-01T00:00:00Z'));
		const slot = { resourceId: stage.id, startsAt: '2026-12-01T09:00:00+07:00', endsAt: '2026-12-01T10:00:00+07:00' };
		expect((await refusal(createBooking(dancer, slot, ISSUED))).key).toBe('err_qualification_missing');
		// Attending the one session completes a course without components: the certificate is issued and the stage opens.
		await recordAttendance(staff, k.sessions[0]!.id, { present: [dancer.userId] }, new Date(session.endsAt));
		const [cert] = await myCredentials(dancer);
		expect(cert?.courseTitle).toBe('Induksi Motion Capture');
		expect((await createBooking(dancer, slot, ISSUED)).bookings).toHaveLength(1);
		await revokeCredential(staff, cert!.id, { reason: 'Induksi diulang: prosedur kalibrasi berubah' });
		const refused = await refusal(createBooking(dancer, { ...slot, startsAt: '2026-12-02T09:00:00+07:00', endsAt: '2026-12-02T10:00:00+07:00' }, ISSUED));
		expect(refused.code).toBe('FORBIDDEN');
		expect(refused.params).toMatchObject({ name: 'Induksi keselamatan motion capture' });
	});

	async function verifyList() {
		const { getCredential } = await import('../src/lib/server/training/credentials/credential.service.ts');
		const { credential } = await import('../src/lib/server/training/schema.ts');
		const rows = await db().select({ id: credential.id }).from(credential).orderBy(credential.statusIndex);
		return Promise.all(rows.map((r) => getCredential(r.id)));
	}
	async function componentId(courseId: string) {
		const { componentsOf } = await import('../src/lib/server/training/course.service.ts');
		return (await componentsOf([courseId]))[0]!.id;
	}
	async function rotateKeyAndCount() {
		const n = (await db().select().from(issuerKey).where(eq(issuerKey.siteId, park.id))).length;
		await rotateKey(await issuerOf(park.id));
		return n;
	}
});
