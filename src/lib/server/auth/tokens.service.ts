import crypto from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '../db/client.ts';
import { apiToken } from '../platform/schema.ts';
import { Permission, requireUser } from './access.ts';
import type { Actor } from './actor.ts';
import { audit } from '../platform/audit.ts';
import { sha256 } from '../platform/files.ts';
import { notFound } from '../platform/errors.ts';
import { parse } from '../../schemas/validate.ts';
import { isUuid } from '../../schemas/common.ts';
import { loadActor } from './load-actor.ts';

export const zCreateToken = z.strictObject({
	name: z.string().trim().min(1).max(80),
	scope: z.enum(['read', 'write']),
	expiresInDays: z.coerce.number().int().min(1).max(365).optional()
});

const PREFIX = 'tmn_';

/** The secret is returned once and never stored: only its SHA-256 (the secret has 192 bits). */
export async function createToken(actor: Actor, input: unknown) {
	const me = await requireUser(actor, Permission.TokenManage);
	const data = parse(zCreateToken, input);
	const secret = PREFIX + crypto.randomBytes(24).toString('base64url');
	const prefix = secret.slice(0, PREFIX.length + 6);
	return db().transaction(async (tx) => {
		const [row] = await tx
			.insert(apiToken)
			.values({
				userId: me.userId,
				name: data.name,
				prefix,
				tokenHash: sha256(secret),
				scope: data.scope,
				expiresAt: data.expiresInDays ? new Date(Date.now() + data.expiresInDays * 86400_000) : null
			})
			.returning();
		await audit(tx, actor, { action: 'token.create', targetType: 'api_token', targetId: row!.id, after: { name: data.name, scope: data.scope, prefix } });
		return { ...toPublicToken(row!), secret };
	});
}

function toPublicToken(r: typeof apiToken.$inferSelect) {
	return {
		id: r.id,
		name: r.name,
		prefix: r.prefix,
		scope: r.scope,
		createdAt: r.createdAt.toISOString(),
		lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
		expiresAt: r.expiresAt?.toISOString() ?? null,
		revokedAt: r.revokedAt?.toISOString() ?? null
	};
}

export async function findTokens(actor: Actor) {
	const me = await requireUser(actor, Permission.ProfileRead);
	const rows = await db().select().from(apiToken).where(eq(apiToken.userId, me.userId)).orderBy(desc(apiToken.createdAt));
	return rows.map(toPublicToken);
}

export async function revokeToken(actor: Actor, id: string) {
	const me = await requireUser(actor, Permission.TokenManage);
	if (!isUuid(id)) throw notFound('err_token_not_found');
	await db().transaction(async (tx) => {
		const [row] = await tx
			.update(apiToken)
			.set({ revokedAt: sql`now()` })
			.where(and(eq(apiToken.id, id), eq(apiToken.userId, me.userId), isNull(apiToken.revokedAt)))
			.returning();
		// Someone else's token is "not found", not "forbidden": its existence must not leak.
		if (!row) throw notFound('err_token_not_found');
		await audit(tx, actor, { action: 'token.revoke', targetType: 'api_token', targetId: id });
	});
}

/** The actor for an `Authorization: Bearer tmn_…` header, or undefined when it is not valid. */
export async function actorFromToken(secret: string): Promise<Actor | undefined> {
	if (!secret.startsWith(PREFIX) || secret.length > 100) return undefined;
	const [row] = await db()
		.update(apiToken)
		.set({ lastUsedAt: sql`now()` })
		.where(and(eq(apiToken.tokenHash, sha256(secret)), isNull(apiToken.revokedAt), sql`(${apiToken.expiresAt} IS NULL OR ${apiToken.expiresAt} > now())`))
		.returning({ userId: apiToken.userId, scope: apiToken.scope });
	if (!row) return undefined;
	return loadActor(row.userId, row.scope, 'token');
}
