import { and, asc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import { db, type Tx } from '../db/client.ts';
import { personQualification, qualification } from './schema.ts';
import { course, credential } from '../training/schema.ts';
import { user } from '../auth/schema.ts';
import { Permission, requireAccess } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { audit } from '../platform/audit.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { parse } from '../../schemas/validate.ts';
import { isUuid } from '../../schemas/common.ts';
import { zCreateQualification, zGrantQualification } from '../../schemas/facilities.ts';
import { getSiteRow } from '../directory/site.service.ts';

/**
 * The name of the qualification a person lacks to use a resource, or null when they hold it (or
 * none is needed). It is held when granted by staff, or through a certificate of a course that
 * grants it — only while that certificate is neither revoked nor expired, so revoking or expiry
 * takes the equipment away at once.
 */
export async function missingQualification(tx: Tx, userId: string, qualificationId: string | null): Promise<string | null> {
	if (!qualificationId) return null;
	const [held] = await tx
		.select({ id: personQualification.id })
		.from(personQualification)
		.where(and(eq(personQualification.userId, userId), eq(personQualification.qualificationId, qualificationId), isNull(personQualification.revokedAt)));
	if (held) return null;
	const [certified] = await tx
		.select({ id: credential.id })
		.from(credential)
		.innerJoin(course, eq(course.id, credential.courseId))
		.where(and(eq(credential.userId, userId), eq(course.qualificationId, qualificationId), isNull(credential.revokedAt), or(isNull(credential.validUntil), gt(credential.validUntil, sql`now()`))))
		.limit(1);
	if (certified) return null;
	const [q] = await tx.select({ name: qualification.name }).from(qualification).where(eq(qualification.id, qualificationId));
	return q?.name ?? '';
}

/** Qualifications that gate equipment at a site (the site's own and network-wide ones), with who holds them. */
export async function findQualifications(siteIdOrSlug: string) {
	const s = await getSiteRow(siteIdOrSlug);
	const qs = await db().select().from(qualification).where(or(eq(qualification.siteId, s.id), isNull(qualification.siteId))).orderBy(asc(qualification.name));
	return qs.map((q) => ({ id: q.id, siteId: q.siteId, name: q.name, description: q.description }));
}

async function getQualification(id: string) {
	if (!isUuid(id)) throw notFound('err_qualification_not_found');
	const [q] = await db().select().from(qualification).where(eq(qualification.id, id));
	if (!q) throw notFound('err_qualification_not_found');
	return q;
}

/** Staff of the qualification's site manage it; network-wide ones belong to network admins. */
async function requireQualificationManager(actor: Actor, q: typeof qualification.$inferSelect) {
	if (q.siteId) await requireAccess(actor, Permission.QualificationManage, { siteId: q.siteId });
	else await requireAccess(actor, Permission.SiteCreate, null);
}

/** Holders of a qualification (staff of its site). */
export async function qualificationHolders(actor: Actor, id: string) {
	await requireQualificationManager(actor, await getQualification(id));
	return db()
		.select({ userId: user.id, name: user.name, email: user.email, grantedAt: personQualification.grantedAt })
		.from(personQualification)
		.innerJoin(user, eq(user.id, personQualification.userId))
		.where(and(eq(personQualification.qualificationId, id), isNull(personQualification.revokedAt)))
		.orderBy(asc(user.name));
}

export async function createQualification(actor: Actor, siteIdOrSlug: string, input: unknown) {
	const s = await getSiteRow(siteIdOrSlug);
	await requireAccess(actor, Permission.QualificationManage, { siteId: s.id });
	const data = parse(zCreateQualification, input);
	return db().transaction(async (tx) => {
		const [q] = await tx.insert(qualification).values({ ...data, siteId: s.id }).returning();
		await audit(tx, actor, { action: 'qualification.create', siteId: s.id, targetType: 'qualification', targetId: q!.id, after: q });
		return { id: q!.id, siteId: q!.siteId, name: q!.name, description: q!.description };
	});
}

/** Staff grant a qualification to a person (by e-mail). Granting twice is harmless. */
export async function grantQualification(actor: Actor, id: string, input: unknown) {
	const q = await getQualification(id);
	await requireQualificationManager(actor, q);
	const { email } = parse(zGrantQualification, input);
	const [u] = await db().select({ id: user.id }).from(user).where(eq(user.email, email));
	if (!u) throw new AppError('VALIDATION', 'err_validation', {}, [{ field: 'email', key: 'err_user_not_found' }]);
	return db().transaction(async (tx) => {
		const [held] = await tx.select().from(personQualification).where(and(eq(personQualification.userId, u.id), eq(personQualification.qualificationId, id), isNull(personQualification.revokedAt)));
		if (held) return { userId: u.id, qualificationId: id, grantedAt: held.grantedAt.toISOString() };
		const [g] = await tx.insert(personQualification).values({ userId: u.id, qualificationId: id, grantedBy: actor.kind === 'user' ? actor.userId : null }).returning();
		await audit(tx, actor, { action: 'qualification.grant', siteId: q.siteId, targetType: 'qualification', targetId: id, after: { userId: u.id } });
		return { userId: u.id, qualificationId: id, grantedAt: g!.grantedAt.toISOString() };
	});
}

/** Revoking blocks new bookings at once; bookings already made are left as they are. */
export async function revokeQualification(actor: Actor, id: string, userId: string) {
	const q = await getQualification(id);
	await requireQualificationManager(actor, q);
	await db().transaction(async (tx) => {
		const res = await tx
			.update(personQualification)
			.set({ revokedAt: new Date() })
			.where(and(eq(personQualification.userId, userId), eq(personQualification.qualificationId, id), isNull(personQualification.revokedAt)))
			.returning();
		if (!res.length) throw notFound('err_qualification_not_found');
		await audit(tx, actor, { action: 'qualification.revoke', siteId: q.siteId, targetType: 'qualification', targetId: id, before: { userId } });
	});
}

