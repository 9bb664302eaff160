import crypto from 'node:crypto';
import { eq, count } from 'drizzle-orm';
import { db } from '../src/lib/server/db/client.ts';
import { createVerifiedUser } from '../src/lib/server/auth/account.service.ts';
import { loadActor } from '../src/lib/server/auth/load-actor.ts';
import { site, siteRole } from '../src/lib/server/directory/schema.ts';
import { resource, booking } from '../src/lib/server/facilities/schema.ts';
import { auditLog, outbox } from '../src/lib/server/platform/schema.ts';
import { AppError } from '../src/lib/server/platform/errors.ts';
import type { EmailPayload } from '../src/lib/server/platform/outbox.ts';
import { user } from '../src/lib/server/auth/schema.ts';
import type { Role, UserActor } from '../src/lib/server/auth/actor.ts';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { CreateSite } from '../src/lib/schemas/directory.ts';

const uid = () => crypto.randomBytes(4).toString('hex');

export function siteInput(over: Partial<CreateSite> = {}): CreateSite {
	return { name: 'Cimahi Techno Park', slug: `ctp-${uid()}`, kind: 'technopark', timeZone: 'Asia/Jakarta', provinceCode: '32', regencyCode: '32.77', address: 'Jl. Baros', description: '', contactEmail: null, contactPhone: null, website: null, openingHours: {}, offers: [], ...over };
}

export async function makeSite(over: Partial<CreateSite> = {}) {
	const [row] = await db().insert(site).values(siteInput(over)).returning();
	return row!;
}

/** A verified person holding `role` at `siteId` (network_admin: no site), as an acting user. */
export async function makeUser(role?: Role, siteId?: string, password = 'rahasia-sekali-1'): Promise<UserActor & { password: string }> {
	const email = `${role ?? 'person'}-${uid()}@example.id`;
	const id = await createVerifiedUser({ email, password, name: `Uji ${role ?? 'Orang'}`, admin: role === 'network_admin' });
	if (role && role !== 'network_admin') await db().insert(siteRole).values({ userId: id, siteId: siteId!, role });
	const actor = (await loadActor(id, 'write', 'session')) as UserActor;
	return { ...actor, password };
}

/**
 * `n` people at once (members of `siteId` when given): rows inserted directly, without the
 * password hashing of a real sign-up (scrypt for hundreds of people would dominate the tests).
 */
export async function makeMembers(n: number, siteId: string | null): Promise<UserActor[]> {
	const rows = Array.from({ length: n }, () => {
		const id = `u-${uid()}${uid()}`;
		return { id, name: `Anggota ${id.slice(2, 8)}`, email: `${id}@example.id`, emailVerified: true };
	});
	await db().insert(user).values(rows);
	if (siteId) await db().insert(siteRole).values(rows.map((r) => ({ userId: r.id, siteId, role: 'member' as const })));
	return Promise.all(rows.map(async (r) => (await loadActor(r.id, 'write', 'session')) as UserActor));
}

export async function auditCount(action?: string, outcome?: 'ok' | 'denied') {
	const rows = await db().select().from(auditLog);
	return rows.filter((r) => (!action || r.action === action) && (!outcome || r.outcome === outcome)).length;
}

export async function countRows(table: PgTable) {
	const [r] = await db().select({ n: count() }).from(table);
	return r!.n;
}

export { eq };

/** A bookable resource inserted directly (the service path is tested on its own). */
export async function makeResource(siteId: string, over: Partial<typeof resource.$inferInsert> = {}) {
	const [row] = await db()
		.insert(resource)
		.values({ siteId, slug: `r-${uid()}`, name: `Ruang ${uid()}`, kind: 'meeting_room', class: 'space', slotMinutes: 30, minMinutes: 30, maxMinutes: 480, noticeMinutes: 0, ...over })
		.returning();
	return row!;
}

/** A booking row inserted directly, holding [startsAt, endsAt). */
export async function makeBooking(resourceId: string, siteId: string, userId: string, startsAt: Date, endsAt: Date, status: 'pending' | 'confirmed' = 'confirmed') {
	const [row] = await db()
		.insert(booking)
		.values({ resourceId, siteId, userId, startsAt, endsAt, held: `[${startsAt.toISOString()},${endsAt.toISOString()})`, exclusive: true, status })
		.returning();
	return row!;
}

/** The AppError a call is refused with; fails the test when it is not refused. */
export async function refusal(p: Promise<unknown>): Promise<AppError> {
	try {
		await p;
	} catch (e) {
		if (e instanceof AppError) return e;
		throw e;
	}
	throw new Error('expected a refusal');
}

/** The e-mails queued in the outbox for one address. */
export async function mailsTo(to: string) {
	return (await db().select().from(outbox))
		.filter((r) => r.kind === 'email' && (r.payload as EmailPayload).to === to)
		.map((r) => r.payload as EmailPayload);
}
