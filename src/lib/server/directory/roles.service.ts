import crypto from 'node:crypto';
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import { db } from '../db/client.ts';
import { siteRole, invitation, site } from './schema.ts';
import { user } from '../auth/schema.ts';
import { Permission, requireAccess, requireUser } from '../auth/access.ts';
import type { Actor, Role } from '../auth/actor.ts';
import { audit } from '../platform/audit.ts';
import { sha256 } from '../platform/files.ts';
import { enqueue } from '../platform/outbox.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { parse } from '../../schemas/validate.ts';
import { isUuid } from '../../schemas/common.ts';
import { zInvite } from '../../schemas/directory.ts';
import { getSiteRow } from './site.service.ts';
import { readConfig } from '../config.ts';
import { mailText } from '../platform/mail-text.ts';

const INVITATION_DAYS = 14;
const hash = sha256;

export async function findSiteRoles(actor: Actor, siteIdOrSlug: string) {
	const s = await getSiteRow(siteIdOrSlug);
	await requireAccess(actor, Permission.RoleRead, { siteId: s.id });
	const granted = await db()
		.select({ id: siteRole.id, userId: user.id, name: user.name, email: user.email, role: siteRole.role, createdAt: siteRole.createdAt })
		.from(siteRole)
		.innerJoin(user, eq(user.id, siteRole.userId))
		.where(eq(siteRole.siteId, s.id))
		.orderBy(asc(user.name), asc(siteRole.role));
	const pending = await db()
		.select({ id: invitation.id, email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt, createdAt: invitation.createdAt })
		.from(invitation)
		.where(and(eq(invitation.siteId, s.id), isNull(invitation.acceptedAt), gt(invitation.expiresAt, sql`now()`)))
		.orderBy(asc(invitation.email));
	return { site: { id: s.id, slug: s.slug, name: s.name }, granted, pending };
}

/**
 * Invite a person (by e-mail, account or not) to a role at a site. The invitation e-mail carries a
 * one-time link; only a SHA-256 of its token is stored. Site managers grant the roles of their
 * own site; network admins any site's.
 */
export async function inviteToRole(actor: Actor, siteIdOrSlug: string, input: unknown) {
	const s = await getSiteRow(siteIdOrSlug);
	await requireAccess(actor, Permission.RoleGrant, { siteId: s.id });
	const data = parse(zInvite, input);
	const token = crypto.randomBytes(24).toString('base64url');
	const { origin } = readConfig();
	const [invitee] = await db().select({ locale: user.locale }).from(user).where(eq(user.email, data.email));
	const link = `${origin}/invitations/${token}`;
	return db().transaction(async (tx) => {
		const [inv] = await tx
			.insert(invitation)
			.values({
				email: data.email,
				siteId: s.id,
				role: data.role,
				tokenHash: hash(token),
				invitedBy: actor.kind === 'user' ? actor.userId : null,
				expiresAt: new Date(Date.now() + INVITATION_DAYS * 86400_000)
			})
			.returning({ id: invitation.id, email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt });
		await audit(tx, actor, { action: 'role.invite', siteId: s.id, targetType: 'invitation', targetId: inv?.id, after: inv });
		const inviter = actor.kind === 'user' ? actor.name : 'Taman';
		await enqueue(tx, 'email', mailText(invitee?.locale ?? 'id', 'invitation', { to: data.email, link, site: s.name, role: data.role, inviter }));
		return inv!;
	});
}

export async function getInvitation(token: string) {
	const [inv] = await db()
		.select({ id: invitation.id, email: invitation.email, role: invitation.role, siteName: site.name, siteSlug: site.slug, expiresAt: invitation.expiresAt, acceptedAt: invitation.acceptedAt })
		.from(invitation)
		.innerJoin(site, eq(site.id, invitation.siteId))
		.where(eq(invitation.tokenHash, hash(token)));
	if (!inv || inv.acceptedAt || inv.expiresAt < new Date()) throw notFound('err_invitation_invalid');
	return inv;
}

/** Accept with the account whose e-mail the invitation was sent to; the role is granted at once. */
export async function acceptInvitation(actor: Actor, token: string) {
	const me = await requireUser(actor, Permission.ProfileUpdate);
	return db().transaction(async (tx) => {
		const [inv] = await tx
			.select()
			.from(invitation)
			.where(eq(invitation.tokenHash, hash(token)))
			.for('update');
		if (!inv || inv.acceptedAt || inv.expiresAt < new Date()) throw notFound('err_invitation_invalid');
		if (inv.email !== me.email.toLowerCase()) throw new AppError('FORBIDDEN', 'err_invitation_other_email', { email: inv.email });
		await tx.update(invitation).set({ acceptedAt: sql`now()`, acceptedBy: me.userId }).where(eq(invitation.id, inv.id));
		const [granted] = await tx
			.insert(siteRole)
			.values({ userId: me.userId, siteId: inv.siteId, role: inv.role, grantedBy: inv.invitedBy })
			.onConflictDoNothing()
			.returning();
		await audit(tx, actor, { action: 'role.grant', siteId: inv.siteId, targetType: 'site_role', targetId: granted?.id, after: { userId: me.userId, role: inv.role } });
		return { siteId: inv.siteId, role: inv.role as Role };
	});
}

export async function revokeRole(actor: Actor, roleId: string) {
	if (!isUuid(roleId)) throw notFound('err_role_not_found');
	const [r] = await db().select().from(siteRole).where(eq(siteRole.id, roleId));
	if (!r) throw notFound('err_role_not_found');
	if (!r.siteId) {
		// Network admin is revoked only by another network admin (from the CLI or the API).
		await requireAccess(actor, Permission.SiteCreate, null);
	} else await requireAccess(actor, Permission.RoleRevoke, { siteId: r.siteId });
	await db().transaction(async (tx) => {
		await tx.delete(siteRole).where(eq(siteRole.id, roleId));
		await audit(tx, actor, { action: 'role.revoke', siteId: r.siteId, targetType: 'site_role', targetId: r.id, before: r });
	});
}

/** Direct grant, for the CLI and demo data (no invitation). */
export async function grantRole(actor: Actor, userId: string, siteId: string | null, role: Role) {
	if (siteId) await requireAccess(actor, Permission.RoleGrant, { siteId });
	else await requireAccess(actor, Permission.SiteCreate, null);
	await db().transaction(async (tx) => {
		const [g] = await tx.insert(siteRole).values({ userId, siteId, role, grantedBy: actor.kind === 'user' ? actor.userId : null }).onConflictDoNothing().returning();
		if (g) await audit(tx, actor, { action: 'role.grant', siteId, targetType: 'site_role', targetId: g.id, after: g });
	});
}
