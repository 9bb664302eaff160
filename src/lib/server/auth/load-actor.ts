import { eq } from 'drizzle-orm';
import { db } from '../db/client.ts';
import { user } from './schema.ts';
import { siteRole } from '../directory/schema.ts';
import type { Actor } from './actor.ts';

export async function loadActor(userId: string, scope: 'read' | 'write', via: 'session' | 'token'): Promise<Actor | undefined> {
	const [u] = await db().select().from(user).where(eq(user.id, userId));
	if (!u) return undefined;
	const roles = await db().select({ siteId: siteRole.siteId, role: siteRole.role }).from(siteRole).where(eq(siteRole.userId, userId));
	return {
		kind: 'user',
		userId: u.id,
		email: u.email,
		name: u.name,
		locale: u.locale,
		timeZone: u.timeZone,
		emailVerified: u.emailVerified,
		roles,
		scope,
		via
	};
}

export async function loadActorByEmail(email: string, scope: 'read' | 'write' = 'write'): Promise<Actor | undefined> {
	const [u] = await db().select({ id: user.id }).from(user).where(eq(user.email, email.toLowerCase()));
	return u ? loadActor(u.id, scope, 'session') : undefined;
}
