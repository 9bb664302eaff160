import { validCredentialsOf } from '../training/credentials/credential.service.ts';
import { and, asc, eq, ilike, or, sql } from 'drizzle-orm';
import { db } from '../db/client.ts';
import { user, session, account } from '../auth/schema.ts';
import { orgMember, organization, siteRole, site, invitation } from './schema.ts';
import { apiToken, auditLog } from '../platform/schema.ts';
import { booking, resource } from '../facilities/schema.ts';
import { application, programmeCall } from '../incubation/schema.ts';
import { assessmentComponent, assessmentScore, attendance, classSession, course, credential, enrolment, trainingClass } from '../training/schema.ts';
import { Permission, requireUser } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { audit } from '../platform/audit.ts';
import { notFound } from '../platform/errors.ts';
import { afterCursor, page, type Paged } from '../platform/paging.ts';
import { parse } from '../../schemas/validate.ts';
import { zUpdateProfile } from '../../schemas/directory.ts';
import type { Page } from '../../schemas/common.ts';
import { containsPattern, WORD_SIMILARITY } from './common.ts';

type UserRow = typeof user.$inferSelect;

export interface PublicPerson {
	id: string;
	name: string;
	bio?: string | null;
	email?: string;
	phone?: string | null;
	organizations?: { slug: string; name: string; title: string }[];
	/** Certificates that hold today (not revoked or expired), when the person shows them. */
	credentials?: { id: string; courseTitle: string; issuerName: string; validFrom: string; validUntil: string | null }[];
}

/** Only what the person chose to make public. */
async function toPublicPerson(row: UserRow): Promise<PublicPerson> {
	const f = new Set(row.publicFields);
	const out: PublicPerson = { id: row.id, name: row.name };
	if (f.has('bio')) out.bio = row.bio;
	if (f.has('email')) out.email = row.email;
	if (f.has('phone')) out.phone = row.phone;
	if (f.has('credentials')) out.credentials = (await validCredentialsOf(row.id)).map(({ id, courseTitle, issuerName, validFrom, validUntil }) => ({ id, courseTitle, issuerName, validFrom, validUntil }));
	if (f.has('organizations'))
		out.organizations = await db()
			.select({ slug: organization.slug, name: organization.name, title: orgMember.title })
			.from(orgMember)
			.innerJoin(organization, eq(organization.id, orgMember.orgId))
			.where(eq(orgMember.userId, row.id));
	return out;
}

export async function findPeople(q: string | undefined, p: Page): Promise<Paged<PublicPerson>> {
	const term = q?.trim().slice(0, 120);
	const rows = await db()
		.select()
		.from(user)
		.where(
			and(
				eq(user.publicProfile, true),
				term ? or(ilike(user.name, containsPattern(term)), sql`word_similarity(${term}, ${user.name}) >= ${WORD_SIMILARITY}`) : undefined,
				afterCursor(user.name, user.id, p.cursor)
			)
		)
		.orderBy(asc(user.name), asc(user.id))
		.limit(p.limit + 1);
	const items = await Promise.all(rows.map(toPublicPerson));
	return page(items, p.limit, (x) => [x.name, x.id], (x) => x);
}

/** A public profile; a private one is NOT_FOUND to everyone but its owner (existence must not leak). */
export async function getPerson(actor: Actor, id: string): Promise<PublicPerson> {
	const [row] = await db().select().from(user).where(eq(user.id, id));
	if (!row || (!row.publicProfile && !(actor.kind === 'user' && actor.userId === id))) throw notFound('err_person_not_found');
	return toPublicPerson(row);
}

export interface MyProfile {
	id: string;
	name: string;
	email: string;
	emailVerified: boolean;
	locale: string;
	timeZone: string;
	phone: string | null;
	bio: string | null;
	publicProfile: boolean;
	publicFields: string[];
	roles: { siteId: string | null; siteSlug: string | null; siteName: string | null; role: string }[];
	organizations: { id: string; slug: string; name: string; title: string; isAdmin: boolean }[];
}

export async function getMyProfile(actor: Actor): Promise<MyProfile> {
	const me = await requireUser(actor, Permission.ProfileRead);
	const [row] = await db().select().from(user).where(eq(user.id, me.userId));
	if (!row) throw notFound('err_person_not_found');
	const roles = await db()
		.select({ siteId: siteRole.siteId, siteSlug: site.slug, siteName: site.name, role: siteRole.role })
		.from(siteRole)
		.leftJoin(site, eq(site.id, siteRole.siteId))
		.where(eq(siteRole.userId, me.userId))
		.orderBy(asc(site.name));
	const organizations = await db()
		.select({ id: organization.id, slug: organization.slug, name: organization.name, title: orgMember.title, isAdmin: orgMember.isAdmin })
		.from(orgMember)
		.innerJoin(organization, eq(organization.id, orgMember.orgId))
		.where(eq(orgMember.userId, me.userId))
		.orderBy(asc(organization.name));
	return {
		id: row.id,
		name: row.name,
		email: row.email,
		emailVerified: row.emailVerified,
		locale: row.locale,
		timeZone: row.timeZone,
		phone: row.phone,
		bio: row.bio,
		publicProfile: row.publicProfile,
		publicFields: row.publicFields,
		roles,
		organizations
	};
}

export async function updateMyProfile(actor: Actor, input: unknown): Promise<MyProfile> {
	const me = await requireUser(actor, Permission.ProfileUpdate);
	const data = parse(zUpdateProfile, input);
	await db().transaction(async (tx) => {
		const [before] = await tx.select().from(user).where(eq(user.id, me.userId));
		const [after] = await tx.update(user).set({ ...data, updatedAt: sql`now()` }).where(eq(user.id, me.userId)).returning();
		await audit(tx, actor, { action: 'profile.update', targetType: 'user', targetId: me.userId, before: pick(before, data), after: pick(after, data) });
	});
	return getMyProfile(actor);
}

function pick(row: object | undefined, keys: object): Record<string, unknown> {
	const r = (row ?? {}) as Record<string, unknown>;
	return Object.fromEntries(Object.keys(keys).map((k) => [k, r[k]]));
}

/**
 * Everything Taman holds about the person (UU PDP right of access), machine-readable.
 * Secrets (password hashes, session and token secrets) are left out; their existence is not.
 */
export async function exportMyData(actor: Actor) {
	const me = await requireUser(actor, Permission.ProfileRead);
	const [profile] = await db().select().from(user).where(eq(user.id, me.userId));
	const [memberships, roles, sessions, accounts, tokens, invitations, activity, bookings, applications, enrolments, attended, scores, credentials] = await Promise.all([
		db().select({ organization: organization.name, title: orgMember.title, isAdmin: orgMember.isAdmin, since: orgMember.createdAt }).from(orgMember).innerJoin(organization, eq(organization.id, orgMember.orgId)).where(eq(orgMember.userId, me.userId)),
		db().select({ site: site.name, role: siteRole.role, since: siteRole.createdAt }).from(siteRole).leftJoin(site, eq(site.id, siteRole.siteId)).where(eq(siteRole.userId, me.userId)),
		db().select({ createdAt: session.createdAt, expiresAt: session.expiresAt, ipAddress: session.ipAddress, userAgent: session.userAgent }).from(session).where(eq(session.userId, me.userId)),
		db().select({ provider: account.providerId, createdAt: account.createdAt }).from(account).where(eq(account.userId, me.userId)),
		db().select({ name: apiToken.name, prefix: apiToken.prefix, scope: apiToken.scope, createdAt: apiToken.createdAt, lastUsedAt: apiToken.lastUsedAt, revokedAt: apiToken.revokedAt }).from(apiToken).where(eq(apiToken.userId, me.userId)),
		db().select({ site: site.name, role: invitation.role, createdAt: invitation.createdAt, acceptedAt: invitation.acceptedAt }).from(invitation).innerJoin(site, eq(site.id, invitation.siteId)).where(eq(invitation.email, me.email)),
		db().select({ at: auditLog.at, action: auditLog.action, outcome: auditLog.outcome, targetType: auditLog.targetType, targetId: auditLog.targetId }).from(auditLog).where(eq(auditLog.actorId, me.userId)).orderBy(asc(auditLog.at)),
		db().select({ resource: resource.name, startsAt: booking.startsAt, endsAt: booking.endsAt, status: booking.status, title: booking.title }).from(booking).innerJoin(resource, eq(resource.id, booking.resourceId)).where(eq(booking.userId, me.userId)).orderBy(asc(booking.startsAt)),
		db().select({ call: programmeCall.title, startup: application.startupName, status: application.status, answers: application.answers, submittedAt: application.submittedAt }).from(application).innerJoin(programmeCall, eq(programmeCall.id, application.callId)).where(eq(application.applicantId, me.userId)),
		db().select({ course: course.title, class: trainingClass.title, status: enrolment.status, reason: enrolment.reason, askedAt: enrolment.queuedAt }).from(enrolment).innerJoin(trainingClass, eq(trainingClass.id, enrolment.classId)).innerJoin(course, eq(course.id, trainingClass.courseId)).where(eq(enrolment.userId, me.userId)).orderBy(asc(enrolment.queuedAt)),
		db().select({ course: course.title, class: trainingClass.title, startsAt: classSession.startsAt, method: attendance.method }).from(attendance).innerJoin(classSession, eq(classSession.id, attendance.sessionId)).innerJoin(trainingClass, eq(trainingClass.id, classSession.classId)).innerJoin(course, eq(course.id, trainingClass.courseId)).where(eq(attendance.userId, me.userId)).orderBy(asc(classSession.startsAt)),
		db().select({ course: course.title, class: trainingClass.title, component: assessmentComponent.title, score: assessmentScore.score, recordedAt: assessmentScore.recordedAt }).from(assessmentScore).innerJoin(assessmentComponent, eq(assessmentComponent.id, assessmentScore.componentId)).innerJoin(trainingClass, eq(trainingClass.id, assessmentScore.classId)).innerJoin(course, eq(course.id, trainingClass.courseId)).where(eq(assessmentScore.userId, me.userId)),
		db().select({ id: credential.id, revokedAt: credential.revokedAt, revokedReason: credential.revokedReason, document: credential.document }).from(credential).where(eq(credential.userId, me.userId))
	]);
	return {
		exportedAt: new Date().toISOString(),
		format: 'taman.personal-data.v1',
		profile,
		memberships,
		roles,
		sessions,
		accounts,
		apiTokens: tokens,
		invitations,
		bookings,
		applications,
		enrolments,
		attendance: attended,
		scores,
		credentials,
		activity
	};
}

