import { and, eq } from 'drizzle-orm';
import { db, type Tx } from '../db/client.ts';
import { orgMember } from '../directory/schema.ts';
import { audit } from '../platform/audit.ts';
import { AppError } from '../platform/errors.ts';
import { isNetworkAdmin, rolesAt, type Actor, type Role, type UserActor } from './actor.ts';

/**
 * Every permission Taman checks. `write` permissions are refused to read-scoped API tokens.
 * The roles that hold a site permission at a site are listed here and nowhere else.
 */
export const Permission = {
	SiteCreate: { name: 'site.create', write: true, scope: 'network' },
	SiteUpdate: { name: 'site.update', write: true, scope: 'site', roles: ['site_manager'] },
	RoleRead: { name: 'role.read', write: false, scope: 'site', roles: ['site_manager', 'site_staff'] },
	RoleGrant: { name: 'role.grant', write: true, scope: 'site', roles: ['site_manager'] },
	RoleRevoke: { name: 'role.revoke', write: true, scope: 'site', roles: ['site_manager'] },
	TenancyManage: { name: 'tenancy.manage', write: true, scope: 'site', roles: ['site_manager', 'site_staff'] },
	AuditRead: { name: 'audit.read', write: false, scope: 'site', roles: ['site_manager'] },
	AuditReadAll: { name: 'audit.read_all', write: false, scope: 'network' },
	OrgCreate: { name: 'org.create', write: true, scope: 'signed_in' },
	OrgUpdate: { name: 'org.update', write: true, scope: 'org' },
	ProfileUpdate: { name: 'profile.update', write: true, scope: 'signed_in' },
	ProfileRead: { name: 'profile.read', write: false, scope: 'signed_in' },
	TokenManage: { name: 'token.manage', write: true, scope: 'signed_in' },
	ResourceManage: { name: 'resource.manage', write: true, scope: 'site', roles: ['site_manager', 'site_staff'] },
	BookingCreate: { name: 'booking.create', write: true, scope: 'signed_in' },
	BookingManage: { name: 'booking.manage', write: true, scope: 'site', roles: ['site_manager', 'site_staff'] },
	BookingRead: { name: 'booking.read', write: false, scope: 'site', roles: ['site_manager', 'site_staff'] },
	QualificationManage: { name: 'qualification.manage', write: true, scope: 'site', roles: ['site_manager', 'site_staff'] },
	LoanManage: { name: 'loan.manage', write: true, scope: 'site', roles: ['site_manager', 'site_staff'] },
	LoanRead: { name: 'loan.read', write: false, scope: 'site', roles: ['site_manager', 'site_staff'] },
	PlanManage: { name: 'plan.manage', write: true, scope: 'site', roles: ['site_manager', 'site_staff'] },
	LedgerRead: { name: 'ledger.read', write: false, scope: 'site', roles: ['site_manager', 'site_staff'] },
	HolidayAdjust: { name: 'holiday.adjust', write: true, scope: 'network' },
	ProgrammeManage: { name: 'programme.manage', write: true, scope: 'site', roles: ['site_manager', 'site_staff'] },
	ApplicationCreate: { name: 'application.create', write: true, scope: 'signed_in' },
	ApplicationRead: { name: 'application.read', write: false, scope: 'site', roles: ['site_manager', 'site_staff'] },
	ReviewRead: { name: 'review.read', write: false, scope: 'site', roles: ['site_manager', 'site_staff', 'reviewer'] },
	ReviewScore: { name: 'review.score', write: true, scope: 'site', roles: ['site_manager', 'site_staff', 'reviewer'] },
	SiteHolidays: { name: 'holiday.site', write: true, scope: 'site', roles: ['site_manager'] },
	TrainingManage: { name: 'training.manage', write: true, scope: 'site', roles: ['site_manager', 'site_staff'] },
	EnrolmentCreate: { name: 'enrolment.create', write: true, scope: 'signed_in' }
} as const satisfies Record<
	string,
	{ name: string; write: boolean; scope: 'network' | 'site' | 'org' | 'signed_in'; roles?: readonly Role[] }
>;

export type PermissionDef = (typeof Permission)[keyof typeof Permission];

/** A site's id, or null for what the network itself runs (its programmes). */
export type Target = { siteId: string | null } | { orgId: string } | null;

/**
 * Roles that count network-wide for the network's own programmes: a reviewer at any park may
 * review for them. Everything else there is the network admins'.
 */
const networkWide: readonly Role[] = ['reviewer'];

/** Is the person one of the organisation's people (any member, admin or not)? */
export async function isOrgMember(orgId: string, userId: string, tx: Tx = db()): Promise<boolean> {
	const rows = await tx.select({ userId: orgMember.userId }).from(orgMember).where(and(eq(orgMember.orgId, orgId), eq(orgMember.userId, userId)));
	return rows.length > 0;
}

async function isOrgAdmin(tx: Tx, userId: string, orgId: string): Promise<boolean> {
	const rows = await tx
		.select({ isAdmin: orgMember.isAdmin })
		.from(orgMember)
		.where(and(eq(orgMember.orgId, orgId), eq(orgMember.userId, userId)));
	return rows[0]?.isAdmin === true;
}

/** Decide without side effects. */
export async function can(actor: Actor, perm: PermissionDef, target: Target, tx: Tx = db()): Promise<boolean> {
	if (actor.kind === 'system') return true;
	if (actor.kind !== 'user') return false;
	if (perm.write && actor.scope !== 'write') return false;
	if (isNetworkAdmin(actor)) return true;
	switch (perm.scope) {
		case 'network':
			return false;
		case 'signed_in':
			return true;
		case 'site': {
			if (!target || !('siteId' in target)) return false;
			const held = target.siteId === null ? actor.roles.map((r) => r.role).filter((r) => networkWide.includes(r)) : rolesAt(actor, target.siteId);
			return (perm.roles as readonly Role[]).some((r) => held.includes(r));
		}
		case 'org':
			return !!target && 'orgId' in target && (await isOrgAdmin(tx, actor.userId, target.orgId));
	}
}

/**
 * The one permission check every service calls before it reads protected data or changes
 * anything. A denial is audited (outside the caller's transaction, so it survives the rollback)
 * and thrown as 401 for anonymous callers, 403 otherwise.
 */
export async function requireAccess(actor: Actor, perm: PermissionDef, target: Target, tx: Tx = db()): Promise<void> {
	if (await can(actor, perm, target, tx)) return;
	await audit(db(), actor, {
		action: perm.name,
		outcome: 'denied',
		siteId: target && 'siteId' in target ? target.siteId : null,
		targetType: target ? ('siteId' in target ? 'site' : 'organization') : undefined,
		targetId: target ? ('siteId' in target ? (target.siteId ?? undefined) : target.orgId) : undefined
	});
	if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED', 'err_unauthenticated');
	if (actor.kind === 'user' && perm.write && actor.scope !== 'write') throw new AppError('FORBIDDEN', 'err_token_read_only');
	throw new AppError('FORBIDDEN', 'err_forbidden');
}

/** Narrow to a signed-in person or throw 401 (audited like any other denial). */
export async function requireUser(actor: Actor, perm: PermissionDef): Promise<UserActor> {
	await requireAccess(actor, perm, null);
	if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', 'err_unauthenticated');
	return actor;
}
