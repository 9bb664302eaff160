import { and, asc, count, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { db, type Tx } from '../db/client.ts';
import { cohortMember, milestone, milestoneEvidence, programme, type MilestoneStep } from './schema.ts';
import { organization, orgMember, site, tenancy } from '../directory/schema.ts';
import { planMember } from '../facilities/schema.ts';
import { user } from '../auth/schema.ts';
import { can, isOrgMember, Permission, requireAccess, requireUser } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { audit } from '../platform/audit.ts';
import { enqueue } from '../platform/outbox.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { fileKind, sha256 } from '../platform/files.ts';
import { parse } from '../../schemas/validate.ts';
import { defined, isUuid } from '../../schemas/common.ts';
import { zAddCohortMember, zCreateMilestone, zEvidenceLink, zMilestoneTemplate, zSignOffMilestone, zSubmitMilestone, zUpdateMilestone } from '../../schemas/incubation.ts';
import { addDays } from '../../hours.ts';
import { localParts } from '../facilities/time.ts';
import { readConfig } from '../config.ts';
import { milestoneMail } from './mail.ts';
import { host } from '../directory/host.ts';

type ProgrammeRow = typeof programme.$inferSelect;
type MemberRow = typeof cohortMember.$inferSelect;
type MilestoneRow = typeof milestone.$inferSelect;

/** Evidence files: a PDF or an image, up to 10 MB. */
export const EVIDENCE_MAX_MB = 10;

export async function programmeRow(programmeId: string) {
	if (!isUuid(programmeId)) throw notFound('err_programme_not_found');
	const [row] = await db().select({ p: programme, siteSlug: host.siteSlug, siteName: host.siteName, timeZone: host.timeZone }).from(programme).leftJoin(site, eq(site.id, programme.siteId)).where(eq(programme.id, programmeId));
	if (!row) throw notFound('err_programme_not_found');
	return row;
}

export type MemberJoined = Awaited<ReturnType<typeof programmeRow>> & { m: MemberRow; org: { id: string; name: string; slug: string } };

export async function memberRow(memberId: string): Promise<MemberJoined> {
	if (!isUuid(memberId)) throw notFound('err_cohort_member_not_found');
	const [row] = await db()
		.select({ m: cohortMember, p: programme, siteSlug: host.siteSlug, siteName: host.siteName, timeZone: host.timeZone, org: { id: organization.id, name: organization.name, slug: organization.slug } })
		.from(cohortMember)
		.innerJoin(programme, eq(programme.id, cohortMember.programmeId))
		.leftJoin(site, eq(site.id, programme.siteId))
		.innerJoin(organization, eq(organization.id, cohortMember.organizationId))
		.where(eq(cohortMember.id, memberId));
	if (!row) throw notFound('err_cohort_member_not_found');
	return row;
}

export type Standing = 'staff' | 'startup';

/**
 * Who is looking at a startup's plan: the park's staff, or one of the startup's own people.
 * Anyone else is told nothing (404, audited). Changes also need a token that may write.
 */
export async function standing(actor: Actor, r: MemberJoined, write = false): Promise<Standing> {
	if (actor.kind === 'system') return 'staff';
	if (actor.kind === 'user') {
		if (await can(actor, write ? Permission.ProgrammeManage : Permission.ApplicationRead, { siteId: r.p.siteId })) return 'staff';
		if (await isOrgMember(r.org.id, actor.userId)) {
			if (write && actor.scope !== 'write') throw new AppError('FORBIDDEN', 'err_token_read_only');
			return 'startup';
		}
	}
	await audit(db(), actor, { action: 'cohort.read', outcome: 'denied', siteId: r.p.siteId, targetType: 'cohort_member', targetId: r.m.id });
	if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED', 'err_unauthenticated');
	throw notFound('err_cohort_member_not_found');
}

// ── Joining ────────────────────────────────────────────────────────────────────────────────

/**
 * Startups join a programme's cohort: a tenant of the park for the run (a programme of the
 * network has no park, so no tenancy), on the programme's facilities plan, with a milestone plan from the programme's template counted from `startsOn`
 * (the programme's start, or a late joiner's own). Joining twice changes nothing.
 */
export async function joinCohort(tx: Tx, p: ProgrammeRow, joiners: { orgId: string; applicationId?: string }[], startsOn = p.startsOn): Promise<MemberRow[]> {
	const joined: MemberRow[] = [];
	for (const { orgId, applicationId } of joiners) {
		if (p.siteId) {
			const [t] = await tx.select({ id: tenancy.id }).from(tenancy).where(and(eq(tenancy.orgId, orgId), eq(tenancy.siteId, p.siteId), sql`${tenancy.status} = 'active'`, sql`coalesce(${tenancy.endsOn}, 'infinity'::date) >= ${startsOn}::date`));
			if (!t) await tx.insert(tenancy).values({ orgId, siteId: p.siteId, startsOn, endsOn: p.endsOn, status: 'active' });
		}
		if (p.planId) {
			const [pm] = await tx.select({ id: planMember.id }).from(planMember).where(and(eq(planMember.planId, p.planId), eq(planMember.orgId, orgId), sql`coalesce(${planMember.endsOn}, 'infinity'::date) >= ${startsOn}::date`));
			if (!pm) await tx.insert(planMember).values({ planId: p.planId, orgId, startsOn, endsOn: p.endsOn });
		}
		const [m] = await tx.insert(cohortMember).values({ programmeId: p.id, organizationId: orgId, applicationId, startsOn }).onConflictDoNothing().returning();
		if (!m) continue;
		if (p.milestoneTemplate.length) await tx.insert(milestone).values(p.milestoneTemplate.map((s, i) => ({ memberId: m.id, position: i + 1, title: s.title, description: s.description, dueOn: addDays(startsOn, s.dueAfterDays) })));
		joined.push(m);
	}
	return joined;
}

/** Add a startup to a cohort by hand: one that began before the park used Taman, or came without a call. */
export async function addMember(actor: Actor, programmeId: string, input: unknown): Promise<{ id: string }> {
	const { p } = await programmeRow(programmeId);
	await requireAccess(actor, Permission.ProgrammeManage, { siteId: p.siteId });
	const data = parse(zAddCohortMember, input);
	const [o] = await db().select({ id: organization.id }).from(organization).where(eq(organization.id, data.organizationId));
	if (!o) throw new AppError('VALIDATION', 'err_validation', {}, [{ field: 'organizationId', key: 'err_org_not_found' }]);
	const startsOn = data.startsOn ?? p.startsOn;
	if (startsOn < p.startsOn || startsOn > p.endsOn) throw new AppError('VALIDATION', 'err_validation', {}, [{ field: 'startsOn', key: 'err_cohort_start_outside', params: { from: p.startsOn, to: p.endsOn } }]);
	return db().transaction(async (tx) => {
		const [m] = await joinCohort(tx, p, [{ orgId: o.id }], startsOn);
		if (!m) throw new AppError('CONFLICT', 'err_cohort_member_exists');
		await audit(tx, actor, { action: 'cohort.add', siteId: p.siteId, targetType: 'cohort_member', targetId: m.id, after: m });
		return { id: m.id };
	});
}

/** Startups staff may add to a cohort: registered startups not in it yet, by name. */
export async function candidates(actor: Actor, programmeId: string): Promise<{ id: string; name: string }[]> {
	const { p } = await programmeRow(programmeId);
	await requireAccess(actor, Permission.ProgrammeManage, { siteId: p.siteId });
	return db()
		.select({ id: organization.id, name: organization.name })
		.from(organization)
		.where(and(eq(organization.kind, 'startup'), sql`NOT EXISTS (SELECT 1 FROM ${cohortMember} c WHERE c.programme_id = ${programmeId} AND c.organization_id = ${organization.id})`))
		.orderBy(asc(organization.name))
		.limit(1000);
}

/** Replace the programme's milestone template. Plans already made keep their milestones. */
export async function saveMilestoneTemplate(actor: Actor, programmeId: string, input: unknown): Promise<MilestoneStep[]> {
	const { p } = await programmeRow(programmeId);
	await requireAccess(actor, Permission.ProgrammeManage, { siteId: p.siteId });
	const { steps } = parse(zMilestoneTemplate, input);
	return db().transaction(async (tx) => {
		await tx.update(programme).set({ milestoneTemplate: steps, updatedAt: sql`now()` }).where(eq(programme.id, programmeId));
		await audit(tx, actor, { action: 'programme.milestone_template', siteId: p.siteId, targetType: 'programme', targetId: programmeId, before: p.milestoneTemplate, after: steps });
		return steps;
	});
}

// ── Reading ────────────────────────────────────────────────────────────────────────────────

export interface MilestoneProgress {
	total: number;
	approved: number;
	submitted: number;
	overdue: number;
}

export interface CohortEntry {
	id: string;
	organizationId: string;
	slug: string;
	name: string;
	startsOn: string;
	viaApplication: boolean;
	milestones: MilestoneProgress;
}

/** Milestone progress of cohort members, counted in the park's local date `today`. */
async function progressOf(memberIds: string[], today: string): Promise<Map<string, MilestoneProgress>> {
	const out = new Map<string, MilestoneProgress>(memberIds.map((id) => [id, { total: 0, approved: 0, submitted: 0, overdue: 0 }]));
	if (!memberIds.length) return out;
	const rows = await db()
		.select({
			memberId: milestone.memberId,
			total: count(),
			approved: sql<number>`count(*) FILTER (WHERE ${milestone.status} = 'approved')::int`,
			submitted: sql<number>`count(*) FILTER (WHERE ${milestone.status} = 'submitted')::int`,
			overdue: sql<number>`count(*) FILTER (WHERE ${milestone.status} IN ('open', 'changes_requested') AND ${milestone.dueOn} < ${today}::date)::int`
		})
		.from(milestone)
		.where(inArray(milestone.memberId, memberIds))
		.groupBy(milestone.memberId);
	for (const r of rows) out.set(r.memberId, { total: r.total, approved: r.approved, submitted: r.submitted, overdue: r.overdue });
	return out;
}

/** A programme's cohort with each startup's milestone progress (the park's staff). */
export async function listCohort(actor: Actor, programmeId: string, now = new Date()): Promise<CohortEntry[]> {
	const { p, timeZone } = await programmeRow(programmeId);
	await requireAccess(actor, Permission.ApplicationRead, { siteId: p.siteId });
	const rows = await membersOf(programmeId);
	const progress = await progressOf(rows.map((r) => r.id), localParts(now, timeZone).date);
	return rows.map((r) => ({ ...r, milestones: progress.get(r.id)! }));
}

async function membersOf(programmeId: string) {
	return db()
		.select({ id: cohortMember.id, organizationId: organization.id, slug: organization.slug, name: organization.name, startsOn: cohortMember.startsOn, viaApplication: sql<boolean>`${cohortMember.applicationId} IS NOT NULL` })
		.from(cohortMember)
		.innerJoin(organization, eq(organization.id, cohortMember.organizationId))
		.where(eq(cohortMember.programmeId, programmeId))
		.orderBy(asc(organization.name));
}

/** A programme's cohort by name only. Public, as parks announce their tenants. */
export async function cohortOf(programmeId: string): Promise<{ organizationId: string; slug: string; name: string }[]> {
	if (!isUuid(programmeId)) return [];
	return (await membersOf(programmeId)).map(({ organizationId, slug, name }) => ({ organizationId, slug, name }));
}

export interface PublicEvidence {
	id: string;
	name: string;
	url: string | null;
	mime: string | null;
	bytes: number | null;
	uploadedBy: string | null;
	createdAt: string;
}

export interface PublicMilestone {
	id: string;
	position: number;
	title: string;
	description: string;
	dueOn: string;
	status: MilestoneRow['status'];
	overdue: boolean;
	note: string;
	submittedAt: string | null;
	reviewedAt: string | null;
	reviewedBy: string | null;
	reviewComment: string;
	evidence: PublicEvidence[];
}

/** A startup's milestones in order, with their evidence (names and links, never the file bytes). */
export async function milestonesOf(memberId: string, today: string): Promise<PublicMilestone[]> {
	const reviewer = sql<string | null>`(SELECT name FROM "user" WHERE id = ${milestone.reviewedBy})`;
	const rows = await db().select({ ms: milestone, reviewerName: reviewer }).from(milestone).where(eq(milestone.memberId, memberId)).orderBy(asc(milestone.dueOn), asc(milestone.position));
	const evidence = rows.length
		? await db()
				.select({ id: milestoneEvidence.id, milestoneId: milestoneEvidence.milestoneId, name: milestoneEvidence.name, url: milestoneEvidence.url, mime: milestoneEvidence.mime, bytes: milestoneEvidence.bytes, createdAt: milestoneEvidence.createdAt, uploadedBy: user.name })
				.from(milestoneEvidence)
				.leftJoin(user, eq(user.id, milestoneEvidence.uploadedBy))
				.where(inArray(milestoneEvidence.milestoneId, rows.map((r) => r.ms.id)))
				.orderBy(asc(milestoneEvidence.createdAt))
		: [];
	return rows.map(({ ms, reviewerName }) => ({
		id: ms.id,
		position: ms.position,
		title: ms.title,
		description: ms.description,
		dueOn: ms.dueOn,
		status: ms.status,
		overdue: (ms.status === 'open' || ms.status === 'changes_requested') && ms.dueOn < today,
		note: ms.note,
		submittedAt: ms.submittedAt?.toISOString() ?? null,
		reviewedAt: ms.reviewedAt?.toISOString() ?? null,
		reviewedBy: reviewerName,
		reviewComment: ms.reviewComment,
		evidence: evidence.filter((e) => e.milestoneId === ms.id).map(({ milestoneId: _m, createdAt, ...e }) => ({ ...e, createdAt: createdAt.toISOString() }))
	}));
}

export interface MemberPlan {
	id: string;
	standing: Standing;
	programme: { id: string; name: string; slug: string; startsOn: string; endsOn: string };
	site: { slug: string; name: string; timeZone: string };
	organization: { id: string; name: string; slug: string };
	startsOn: string;
	milestones: PublicMilestone[];
}

/** A startup's plan in a cohort: its milestones with evidence (the park's staff and the startup's people; 404 to anyone else). */
export async function getMember(actor: Actor, memberId: string, now = new Date()): Promise<MemberPlan> {
	const r = await memberRow(memberId);
	const st = await standing(actor, r);
	return {
		id: r.m.id,
		standing: st,
		programme: { id: r.p.id, name: r.p.name, slug: r.p.slug, startsOn: r.p.startsOn, endsOn: r.p.endsOn },
		site: { slug: r.siteSlug, name: r.siteName, timeZone: r.timeZone },
		organization: r.org,
		startsOn: r.m.startsOn,
		milestones: await milestonesOf(r.m.id, localParts(now, r.timeZone).date)
	};
}

/** The cohort member of a programme for an organisation, by their slugs (pages address plans so). */
export async function memberIdBySlugs(programmeId: string, orgSlug: string): Promise<string> {
	const [row] = await db().select({ id: cohortMember.id }).from(cohortMember).innerJoin(organization, eq(organization.id, cohortMember.organizationId)).where(and(eq(cohortMember.programmeId, programmeId), eq(organization.slug, orgSlug)));
	if (!row) throw notFound('err_cohort_member_not_found');
	return row.id;
}

export interface MyCohort {
	id: string;
	programmeName: string;
	programmeSlug: string;
	siteSlug: string;
	siteName: string;
	organizationName: string;
	organizationSlug: string;
	startsOn: string;
	endsOn: string;
}

/** The cohorts my organisations are in, newest programme first. */
export async function myCohorts(actor: Actor): Promise<MyCohort[]> {
	const me = await requireUser(actor, Permission.ProfileRead);
	return db()
		.select({ id: cohortMember.id, programmeName: programme.name, programmeSlug: programme.slug, siteSlug: host.siteSlug, siteName: host.siteName, organizationName: organization.name, organizationSlug: organization.slug, startsOn: cohortMember.startsOn, endsOn: programme.endsOn })
		.from(cohortMember)
		.innerJoin(orgMember, and(eq(orgMember.orgId, cohortMember.organizationId), eq(orgMember.userId, me.userId)))
		.innerJoin(organization, eq(organization.id, cohortMember.organizationId))
		.innerJoin(programme, eq(programme.id, cohortMember.programmeId))
		.leftJoin(site, eq(site.id, programme.siteId))
		.orderBy(sql`${programme.endsOn} DESC`, asc(programme.name));
}

// ── Milestones ─────────────────────────────────────────────────────────────────────────────

async function milestoneRow(id: string) {
	if (!isUuid(id)) throw notFound('err_milestone_not_found');
	const [ms] = await db().select().from(milestone).where(eq(milestone.id, id));
	if (!ms) throw notFound('err_milestone_not_found');
	return { ms, r: await memberRow(ms.memberId) };
}

/** Staff add a milestone to one startup's plan. */
export async function addMilestone(actor: Actor, memberId: string, input: unknown): Promise<{ id: string }> {
	const r = await memberRow(memberId);
	await requireAccess(actor, Permission.ProgrammeManage, { siteId: r.p.siteId });
	const data = parse(zCreateMilestone, input);
	return db().transaction(async (tx) => {
		await tx.select({ id: cohortMember.id }).from(cohortMember).where(eq(cohortMember.id, memberId)).for('update');
		const [last] = await tx.select({ n: sql<number>`coalesce(max(${milestone.position}), 0)::int` }).from(milestone).where(eq(milestone.memberId, memberId));
		const [ms] = await tx.insert(milestone).values({ ...data, memberId, position: last!.n + 1 }).returning();
		await audit(tx, actor, { action: 'milestone.create', siteId: r.p.siteId, targetType: 'milestone', targetId: ms!.id, after: ms });
		return { id: ms!.id };
	});
}

export async function updateMilestone(actor: Actor, id: string, input: unknown): Promise<{ id: string }> {
	const { ms, r } = await milestoneRow(id);
	await requireAccess(actor, Permission.ProgrammeManage, { siteId: r.p.siteId });
	const data = parse(zUpdateMilestone, input);
	return db().transaction(async (tx) => {
		const [after] = await tx.update(milestone).set({ ...defined(data), updatedAt: sql`now()` }).where(eq(milestone.id, id)).returning();
		await audit(tx, actor, { action: 'milestone.update', siteId: r.p.siteId, targetType: 'milestone', targetId: id, before: ms, after });
		return { id };
	});
}

export async function deleteMilestone(actor: Actor, id: string): Promise<void> {
	const { ms, r } = await milestoneRow(id);
	await requireAccess(actor, Permission.ProgrammeManage, { siteId: r.p.siteId });
	await db().transaction(async (tx) => {
		await tx.delete(milestone).where(eq(milestone.id, id));
		await audit(tx, actor, { action: 'milestone.delete', siteId: r.p.siteId, targetType: 'milestone', targetId: id, before: ms });
	});
}

/** Evidence can be added until staff sign the milestone off. */
function stillOpen(ms: MilestoneRow) {
	if (ms.status === 'approved') throw new AppError('CONFLICT', 'err_milestone_signed_off');
}

/**
 * The startup (or staff for it) adds evidence: a PDF or image (by its first bytes, at most
 * 10 MB) or a link.
 */
export async function addEvidence(actor: Actor, id: string, input: { file?: { name: string; data: Uint8Array } } | unknown): Promise<{ id: string }> {
	const { ms, r } = await milestoneRow(id);
	await standing(actor, r, true);
	stillOpen(ms);
	const file = (input as { file?: { name: string; data: Uint8Array } } | null)?.file;
	let values: typeof milestoneEvidence.$inferInsert;
	if (file) {
		if (file.data.byteLength > EVIDENCE_MAX_MB * 1024 * 1024) throw new AppError('VALIDATION', 'err_validation', {}, [{ field: 'file', key: 'err_file_size', params: { mb: EVIDENCE_MAX_MB } }]);
		const kind = fileKind(file.data);
		if (!kind) throw new AppError('VALIDATION', 'err_validation', {}, [{ field: 'file', key: 'err_evidence_type' }]);
		const content = Buffer.from(file.data);
		values = { milestoneId: id, name: (file.name.split(/[\\/]/).pop() || 'bukti').slice(0, 200), mime: kind, bytes: content.byteLength, sha256: sha256(content), content };
	} else {
		const link = parse(zEvidenceLink, input);
		values = { milestoneId: id, name: link.name, url: link.url };
	}
	return db().transaction(async (tx) => {
		const [e] = await tx.insert(milestoneEvidence).values({ ...values, uploadedBy: actor.kind === 'user' ? actor.userId : null }).returning({ id: milestoneEvidence.id });
		await audit(tx, actor, { action: 'milestone.evidence', siteId: r.p.siteId, targetType: 'milestone', targetId: id, after: { name: values.name, url: values.url ?? null, bytes: values.bytes ?? null } });
		return { id: e!.id };
	});
}

/** An evidence file, for the park's staff and the startup's people; anyone else gets 404. */
export async function getEvidence(actor: Actor, milestoneId: string, evidenceId: string): Promise<{ name: string; mime: string; content: Buffer }> {
	const { r } = await milestoneRow(milestoneId);
	await standing(actor, r);
	if (!isUuid(evidenceId)) throw notFound('err_file_not_found');
	const [e] = await db().select().from(milestoneEvidence).where(and(eq(milestoneEvidence.id, evidenceId), eq(milestoneEvidence.milestoneId, milestoneId)));
	if (!e?.content) throw notFound('err_file_not_found');
	return { name: e.name, mime: e.mime!, content: e.content };
}

/** The startup asks for sign-off: with at least one piece of evidence, while not yet signed off. */
export async function submitMilestone(actor: Actor, id: string, input: unknown, now = new Date()): Promise<{ id: string }> {
	const { ms, r } = await milestoneRow(id);
	await standing(actor, r, true);
	const data = parse(zSubmitMilestone, input);
	stillOpen(ms);
	if (ms.status === 'submitted') throw new AppError('CONFLICT', 'err_milestone_submitted');
	const [ev] = await db().select({ n: count() }).from(milestoneEvidence).where(eq(milestoneEvidence.milestoneId, id));
	if (!ev!.n) throw new AppError('CONFLICT', 'err_evidence_required');
	return db().transaction(async (tx) => {
		const [after] = await tx
			.update(milestone)
			.set({ status: 'submitted', note: data.note, submittedAt: now, submittedBy: actor.kind === 'user' ? actor.userId : null, updatedAt: sql`now()` })
			.where(and(eq(milestone.id, id), inArray(milestone.status, ['open', 'changes_requested'])))
			.returning();
		if (!after) throw new AppError('CONFLICT', 'err_milestone_submitted');
		await audit(tx, actor, { action: 'milestone.submit', siteId: r.p.siteId, targetType: 'milestone', targetId: id, before: { status: ms.status }, after: { status: 'submitted' } });
		return { id };
	});
}

/** People of a startup to e-mail: its admins, or every member when it has none. */
export async function startupPeople(tx: Tx, orgId: string) {
	const rows = await tx.select({ email: user.email, name: user.name, locale: user.locale, isAdmin: orgMember.isAdmin }).from(orgMember).innerJoin(user, eq(user.id, orgMember.userId)).where(eq(orgMember.orgId, orgId));
	return rows.some((x) => x.isAdmin) ? rows.filter((x) => x.isAdmin) : rows;
}

export const planLink = (r: Pick<MemberJoined, 'siteSlug' | 'p' | 'org'>) => `${readConfig().origin}/sites/${r.siteSlug}/programmes/${r.p.slug}/cohort/${r.org.slug}`;

/** Staff sign a submitted milestone off, or ask for changes with a comment; the startup hears by e-mail. */
export async function signOffMilestone(actor: Actor, id: string, input: unknown, now = new Date()): Promise<{ id: string }> {
	const { ms, r } = await milestoneRow(id);
	await requireAccess(actor, Permission.ProgrammeManage, { siteId: r.p.siteId });
	const data = parse(zSignOffMilestone, input);
	if (ms.status !== 'submitted') throw new AppError('CONFLICT', 'err_milestone_not_submitted');
	return db().transaction(async (tx) => {
		const [after] = await tx
			.update(milestone)
			.set({ status: data.decision, reviewComment: data.comment, reviewedAt: now, reviewedBy: actor.kind === 'user' ? actor.userId : null, updatedAt: sql`now()` })
			.where(and(eq(milestone.id, id), eq(milestone.status, 'submitted')))
			.returning();
		if (!after) throw new AppError('CONFLICT', 'err_milestone_not_submitted');
		await audit(tx, actor, { action: `milestone.${data.decision}`, siteId: r.p.siteId, targetType: 'milestone', targetId: id, before: { status: ms.status }, after: { status: data.decision, comment: data.comment } });
		for (const to of await startupPeople(tx, r.org.id))
			await enqueue(tx, 'email', milestoneMail(to.locale ?? 'id', data.decision, { to: to.email, name: to.name, startup: r.org.name, milestone: ms.title, programme: r.p.name, due: ms.dueOn, comment: data.comment, link: planLink(r) }));
		return { id };
	});
}

/**
 * Overdue milestones remind the startup by e-mail, again each week until submitted. Run by the
 * worker; rows are locked with SKIP LOCKED, so two workers never send one reminder twice.
 */
export async function milestoneReminders(now = new Date()): Promise<number> {
	return db().transaction(async (tx) => {
		const weekAgo = new Date(now.getTime() - 7 * 86_400_000);
		const rows = await tx
			.select({ ms: milestone, p: programme, siteSlug: host.siteSlug, org: { id: organization.id, name: organization.name, slug: organization.slug } })
			.from(milestone)
			.innerJoin(cohortMember, eq(cohortMember.id, milestone.memberId))
			.innerJoin(programme, eq(programme.id, cohortMember.programmeId))
			.leftJoin(site, eq(site.id, programme.siteId))
			.innerJoin(organization, eq(organization.id, cohortMember.organizationId))
			.where(and(inArray(milestone.status, ['open', 'changes_requested']), sql`${milestone.dueOn} < (${now}::timestamptz AT TIME ZONE ${host.timeZone})::date`, or(isNull(milestone.remindedAt), lt(milestone.remindedAt, weekAgo))))
			.limit(500)
			.for('update', { of: milestone, skipLocked: true });
		for (const r of rows) {
			for (const to of await startupPeople(tx, r.org.id))
				await enqueue(tx, 'email', milestoneMail(to.locale ?? 'id', 'overdue', { to: to.email, name: to.name, startup: r.org.name, milestone: r.ms.title, programme: r.p.name, due: r.ms.dueOn, comment: '', link: planLink(r) }));
			await tx.update(milestone).set({ remindedAt: now }).where(eq(milestone.id, r.ms.id));
		}
		return rows.length;
	});
}
