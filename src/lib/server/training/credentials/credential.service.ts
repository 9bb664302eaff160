import crypto from 'node:crypto';
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { createCredential, createList, decodeList } from '@digitalbazaar/vc-bitstring-status-list';
import { db } from '../../db/client.ts';
import { credential, course } from '../schema.ts';
import { user } from '../../auth/schema.ts';
import { site } from '../../directory/schema.ts';
import { hostOf } from '../../directory/host.ts';
import { Permission, requireAccess, requireUser } from '../../auth/access.ts';
import type { Actor } from '../../auth/actor.ts';
import { audit } from '../../platform/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { isUuid } from '../../../schemas/common.ts';
import { parse } from '../../../schemas/validate.ts';
import { zRevokeCredential } from '../../../schemas/training.ts';
import { readConfig } from '../../config.ts';
import { classRow, requireTeacher, type ClassJoined } from '../course.service.ts';
import { issuerDocument, issuerOf, issuerUrl, OB_CONTEXT, signingKey, staticLoader, statusListUrl, VC_CONTEXT, type Issuer } from './keys.ts';

/** Entries on each issuer's revocation list (16 KiB of bits; the specification's minimum for privacy). */
export const STATUS_LIST_LENGTH = 131_072;

export const credentialUrl = (id: string) => `${readConfig().origin}/credentials/${id}`;

/**
 * Resolves what verification needs, all of it public: the JSON-LD contexts (from the packages),
 * an issuer's profile and keys, and its status list credential — here read directly rather than
 * over HTTP, the same documents `/api/v1/issuers/{slug}` and `/api/v1/status-lists/{slug}` serve.
 */
export function documentLoader() {
	const statics = staticLoader().build();
	const origin = readConfig().origin;
	return async (url: string) => {
		const bare = url.split('#')[0]!;
		for (const [prefix, kind] of [[`${origin}/api/v1/issuers/`, 'issuer'], [`${origin}/api/v1/status-lists/`, 'status']] as const) {
			if (!bare.startsWith(prefix)) continue;
			const slug = bare.slice(prefix.length);
			const issuer = await issuerOf(await hostOf(slug));
			if (kind === 'status') return { contextUrl: null, documentUrl: url, document: await statusListCredential(slug) };
			const doc = await issuerDocument(issuer);
			const key = url.includes('#') ? doc.verificationMethod.find((k) => k.id === url) : null;
			if (url.includes('#') && !key) break;
			return { contextUrl: null, documentUrl: url, document: key ? { '@context': 'https://w3id.org/security/multikey/v1', ...key } : doc };
		}
		return statics(url);
	};
}

async function sign(issuer: Issuer, unsigned: Record<string, unknown>) {
	const key = await signingKey(issuer);
	return vc.issue({ credential: unsigned, suite: new DataIntegrityProof({ signer: key.signer(), cryptosuite }), documentLoader: documentLoader() });
}

/**
 * Signed status lists, kept for at most 30 seconds per process (a revocation in this process
 * clears its issuer's at once), so a revocation is seen everywhere within a minute and checking
 * many credentials does not re-sign the list each time.
 */
const LIST_TTL_MS = 30_000;
const lists = new Map<string, { at: number; list: Promise<Record<string, unknown>> }>();
/** Lists whose own proof has been checked (by identity of the cached document). */
const checkedLists = new WeakMap<object, Promise<boolean>>();

/** The issuer's revocation list as a signed BitstringStatusListCredential, built from the current revocations. */
export async function statusListCredential(slug: string): Promise<Record<string, unknown>> {
	const hit = lists.get(slug);
	if (hit && Date.now() - hit.at < LIST_TTL_MS) return hit.list;
	const list = buildStatusList(slug);
	lists.set(slug, { at: Date.now(), list });
	list.catch(() => lists.delete(slug));
	return list;
}

async function buildStatusList(slug: string): Promise<Record<string, unknown>> {
	const siteId = await hostOf(slug);
	const issuer = await issuerOf(siteId);
	const revoked = await db().select({ i: credential.statusIndex }).from(credential).where(and(siteId ? eq(credential.siteId, siteId) : isNull(credential.siteId), isNotNull(credential.revokedAt)));
	const list = await createList({ length: STATUS_LIST_LENGTH });
	for (const r of revoked) list.setStatus(r.i, true);
	const unsigned = await createCredential({ id: statusListUrl(issuer.slug), list, statusPurpose: 'revocation' });
	return sign(issuer, { ...unsigned, issuer: issuerUrl(issuer.slug), validFrom: new Date().toISOString() });
}

export interface IssuedCredential {
	id: string;
	/** The issuing park; null for the network. */
	siteId: string | null;
	classId: string | null;
	url: string;
	userId: string;
	name: string;
	courseTitle: string;
	issuerName: string;
	validFrom: string;
	validUntil: string | null;
	revokedAt: string | null;
	revokedReason: string | null;
	document: Record<string, unknown>;
}

const listBase = () =>
	db()
		.select({ c: credential, name: user.name, courseTitle: course.title, siteName: site.name })
		.from(credential)
		.innerJoin(user, eq(user.id, credential.userId))
		.innerJoin(course, eq(course.id, credential.courseId))
		.leftJoin(site, eq(site.id, credential.siteId));

const toPublic = (r: Awaited<ReturnType<typeof listBase>>[number]): IssuedCredential => ({
	id: r.c.id,
	siteId: r.c.siteId,
	classId: r.c.classId,
	url: credentialUrl(r.c.id),
	userId: r.c.userId,
	name: r.name,
	courseTitle: r.courseTitle,
	issuerName: r.siteName ?? (r.c.document.issuer as { name: string }).name,
	validFrom: r.c.validFrom.toISOString(),
	validUntil: r.c.validUntil?.toISOString() ?? null,
	revokedAt: r.c.revokedAt?.toISOString() ?? null,
	revokedReason: r.c.revokedReason,
	document: r.c.document
});

/** What issuing needs to know of a class's participants (from the progress service). */
export interface Completed {
	userId: string;
	email: string;
	attended: number;
	sessions: number;
	attendance: number;
	score: number | null;
}

/**
 * Issue an Open Badges 3.0 credential to each participant given who holds none for this class yet
 * (callers pass those who completed the course's rule). Each is signed with the issuer's key (the
 * park's, or the network's for its courses) and gets a place on the issuer's revocation list.
 * `issuedBy` has already been checked as the class's trainer or the course's staff.
 */
export async function issueCompleted(actor: Actor, issuedBy: string, k: ClassJoined, completed: Completed[], assessed: boolean, now = new Date()): Promise<IssuedCredential[]> {
	if (!completed.length) return [];
	const held = new Set((await db().select({ userId: credential.userId }).from(credential).where(eq(credential.classId, k.k.id))).map((r) => r.userId));
	const due = completed.filter((p) => !held.has(p.userId));
	const issuer = await issuerOf(k.c.siteId);
	const made: string[] = [];
	for (const p of due) {
		const id = crypto.randomUUID();
		const validFrom = new Date(Math.min(now.getTime(), Date.now()));
		const validUntil = k.c.validityMonths ? new Date(new Date(validFrom).setUTCMonth(validFrom.getUTCMonth() + k.c.validityMonths)) : null;
		await db().transaction(async (tx) => {
			// One issuer's list positions are handed out one at a time.
			await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`credential-status:${issuer.slug}`}))`);
			const [{ next }] = (await tx.select({ next: sql<number>`coalesce(max(${credential.statusIndex}) + 1, 0)::int` }).from(credential).where(issuer.siteId ? eq(credential.siteId, issuer.siteId) : isNull(credential.siteId))) as [{ next: number }];
			if (next >= STATUS_LIST_LENGTH) throw new AppError('CONFLICT', 'err_status_list_full');
			const salt = crypto.randomBytes(8).toString('hex');
			const origin = readConfig().origin;
			// SKKNI units by their code and title, then the skills taught.
			const alignments = [
				...k.c.skkni.map((u) => ({ type: ['Alignment'], targetCode: u.code, targetName: u.title, targetFramework: 'SKKNI', targetType: 'ext:SKKNI', targetUrl: `${origin}/training?q=${encodeURIComponent(u.code)}` })),
				...k.c.skills.map((s) => ({ type: ['Alignment'], targetName: s, targetType: 'ext:Skill', targetUrl: `${origin}/training?q=${encodeURIComponent(s)}` }))
			];
			const unsigned = {
				'@context': [VC_CONTEXT, OB_CONTEXT],
				id: credentialUrl(id),
				type: ['VerifiableCredential', 'OpenBadgeCredential'],
				issuer: { id: issuerUrl(issuer.slug), type: ['Profile'], name: issuer.name, url: issuer.url },
				validFrom: validFrom.toISOString(),
				...(validUntil ? { validUntil: validUntil.toISOString() } : {}),
				name: k.c.title,
				credentialSubject: {
					type: ['AchievementSubject'],
					identifier: [{ type: 'IdentityObject', identityHash: `sha256$${crypto.createHash('sha256').update(p.email.toLowerCase() + salt).digest('hex')}`, identityType: 'emailAddress', hashed: true, salt }],
					achievement: {
						id: `${origin}/achievements/${k.c.id}`,
						type: ['Achievement'],
						achievementType: 'Certificate',
						name: k.c.title,
						description: k.c.description || k.c.title,
						image: { id: `${origin}/achievements/${k.c.id}/image.svg`, type: 'Image', caption: k.c.title },
						criteria: { narrative: criteria(k.c.minAttendance, k.c.passMark, assessed) },
						...(k.c.provider ? { creator: { id: `${issuerUrl(issuer.slug)}#provider`, type: ['Profile'], name: k.c.provider } } : {}),
						...(alignments.length ? { alignment: alignments } : {})
					}
				},
				evidence: [{ type: ['Evidence'], name: k.k.title, narrative: `Kehadiran ${p.attended}/${p.sessions} (${p.attendance}%)${p.score !== null ? `, nilai akhir ${p.score}` : ''} (Attendance ${p.attended}/${p.sessions}${p.score !== null ? `, final score ${p.score}` : ''}).` }],
				credentialStatus: { id: `${statusListUrl(issuer.slug)}#${next}`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: String(next), statusListCredential: statusListUrl(issuer.slug) }
			};
			const signed = await sign(issuer, unsigned);
			const [row] = await tx.insert(credential).values({ id, siteId: issuer.siteId, courseId: k.c.id, classId: k.k.id, userId: p.userId, statusIndex: next, document: signed, validFrom, validUntil, issuedBy }).onConflictDoNothing().returning({ id: credential.id });
			// Issued at the same moment by another request: that one stands.
			if (!row) return;
			made.push(id);
			await audit(tx, actor, { action: 'credential.issue', siteId: issuer.siteId, targetType: 'credential', targetId: id, after: { userId: p.userId, courseId: k.c.id, statusIndex: next } });
		});
	}
	if (!made.length) return [];
	const rows = await listBase().where(inArray(credential.id, made)).orderBy(asc(user.name));
	return rows.map(toPublic);
}

function criteria(minAttendance: number, passMark: number, assessed: boolean) {
	return assessed ? `Hadir sedikitnya ${minAttendance}% sesi dan nilai akhir sedikitnya ${passMark} (Attended at least ${minAttendance}% of sessions and a final score of at least ${passMark}).` : `Hadir sedikitnya ${minAttendance}% sesi (Attended at least ${minAttendance}% of sessions).`;
}

/** The certificates issued for a class (its trainers and the course's staff). */
export async function classCredentials(actor: Actor, classId: string): Promise<IssuedCredential[]> {
	await requireTeacher(actor, await classRow(classId), false);
	return (await listBase().where(eq(credential.classId, classId)).orderBy(asc(user.name))).map(toPublic);
}

/** My certificates, the newest first. */
export async function myCredentials(actor: Actor): Promise<IssuedCredential[]> {
	const me = await requireUser(actor, Permission.ProfileRead);
	return (await listBase().where(eq(credential.userId, me.userId)).orderBy(desc(credential.validFrom))).map(toPublic);
}

/** A person's certificates that hold today (not revoked, not expired), for their public profile when they show them. */
export async function validCredentialsOf(userId: string): Promise<IssuedCredential[]> {
	return (await listBase().where(and(eq(credential.userId, userId), isNull(credential.revokedAt), or(isNull(credential.validUntil), gt(credential.validUntil, sql`now()`)))).orderBy(desc(credential.validFrom))).map(toPublic);
}

/** A credential as its public page shows it. */
export async function getCredential(id: string): Promise<IssuedCredential> {
	if (!isUuid(id)) throw notFound('err_credential_not_found');
	const [r] = await listBase().where(eq(credential.id, id));
	if (!r) throw notFound('err_credential_not_found');
	return toPublic(r);
}

/** Revoke a credential with a reason (the issuing park's staff; network admins for the network's). Shown as revoked at once. */
export async function revokeCredential(actor: Actor, id: string, input: unknown): Promise<IssuedCredential> {
	const c = await getCredential(id);
	const [row] = await db().select({ siteId: credential.siteId }).from(credential).where(eq(credential.id, c.id));
	await requireAccess(actor, Permission.TrainingManage, { siteId: row!.siteId });
	const { reason } = parse(zRevokeCredential, input);
	if (c.revokedAt) throw new AppError('CONFLICT', 'err_credential_revoked');
	await db().transaction(async (tx) => {
		await tx.update(credential).set({ revokedAt: sql`now()`, revokedReason: reason, revokedBy: actor.kind === 'user' ? actor.userId : null }).where(eq(credential.id, c.id));
		await audit(tx, actor, { action: 'credential.revoke', siteId: row!.siteId, targetType: 'credential', targetId: c.id, after: { reason } });
	});
	lists.clear();
	return getCredential(c.id);
}

/** The proof is checked on its own; the status list is read separately (see `notRevoked`). */
const statusApart = async () => ({ verified: true });

export type VerifyState = 'valid' | 'revoked' | 'expired' | 'tampered' | 'unknown_issuer' | 'malformed';

export interface Verification {
	state: VerifyState;
	checks: { proof: boolean; status: boolean | null; expiry: boolean | null };
	name?: string;
	issuer?: string;
	validFrom?: string;
	validUntil?: string;
	/** Why the proof failed, for the curious (not translated). */
	detail?: string;
}

/**
 * Check a credential with public information only: its Data Integrity proof against the issuer's
 * published key, its expiry, and its place on the issuer's status list. Anyone may ask.
 */
export async function verifyCredential(input: unknown, now = new Date()): Promise<Verification> {
	const doc = input as Record<string, unknown> | null;
	if (!doc || typeof doc !== 'object' || Array.isArray(doc) || !doc.proof || !doc.credentialSubject) return { state: 'malformed', checks: { proof: false, status: null, expiry: null } };
	const issuerId = typeof doc.issuer === 'string' ? doc.issuer : (doc.issuer as { id?: string } | undefined)?.id;
	const summary = { name: typeof doc.name === 'string' ? doc.name : undefined, issuer: typeof doc.issuer === 'object' ? (doc.issuer as { name?: string }).name : issuerId, validFrom: doc.validFrom as string | undefined, validUntil: doc.validUntil as string | undefined };
	if (!issuerId?.startsWith(`${readConfig().origin}/api/v1/issuers/`)) return { state: 'unknown_issuer', checks: { proof: false, status: null, expiry: null }, ...summary };
	const loader = documentLoader();
	const until = typeof doc.validUntil === 'string' ? new Date(doc.validUntil) : null;
	const from = typeof doc.validFrom === 'string' ? new Date(doc.validFrom) : null;
	// The proof is checked at a moment inside the validity period; expiry is judged on its own below.
	const at = until && until <= now ? new Date(until.getTime() - 1000) : from && from > now ? from : now;
	let proof = false;
	let detail: string | undefined;
	try {
		const r = await vc.verifyCredential({ credential: doc, suite: new DataIntegrityProof({ cryptosuite }), documentLoader: loader, now: at, checkStatus: statusApart });
		proof = r.verified;
		if (!proof) detail = (r.error?.errors ?? []).map((e) => e.message).join('; ') || r.error?.message;
	} catch (e) {
		detail = (e as Error).message;
	}
	if (!proof) return { state: 'tampered', checks: { proof, status: null, expiry: null }, detail, ...summary };
	const expiry = !(until && until <= now) && !(from && from > now);
	const status = await notRevoked(doc, loader);
	return { state: !status ? 'revoked' : !expiry ? 'expired' : 'valid', checks: { proof, status, expiry }, ...summary };
}

/** The credential's bit on its issuer's status list (itself a signed credential of the same issuer). */
async function notRevoked(doc: Record<string, unknown>, loader: ReturnType<typeof documentLoader>): Promise<boolean> {
	const entry = doc.credentialStatus as { statusListCredential?: string; statusListIndex?: string } | undefined;
	if (!entry?.statusListCredential || entry.statusListIndex === undefined) return false;
	const { document: list } = (await loader(entry.statusListCredential)) as { document: Record<string, unknown> };
	let checked = checkedLists.get(list);
	if (!checked) {
		checked = vc.verifyCredential({ credential: list, suite: new DataIntegrityProof({ cryptosuite }), documentLoader: loader }).then((r) => r.verified);
		checkedLists.set(list, checked);
	}
	const issuerOfDoc = typeof doc.issuer === 'string' ? doc.issuer : (doc.issuer as { id: string }).id;
	if (!(await checked) || list.issuer !== issuerOfDoc) return false;
	const bits = await decodeList({ encodedList: (list.credentialSubject as { encodedList: string }).encodedList });
	return !bits.getStatus(Number(entry.statusListIndex));
}
