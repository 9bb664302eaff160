import { and, asc, count, eq, inArray, isNotNull, max, sql } from 'drizzle-orm';
import { db } from '../db/client.ts';
import { application, programme, programmeCall, reviewAssignment, reviewConflict, reviewStage, type Criterion } from './schema.ts';
import { organization, site, siteRole } from '../directory/schema.ts';
import { user } from '../auth/schema.ts';
import { Permission, requireAccess, requireUser } from '../auth/access.ts';
import type { Actor, UserActor } from '../auth/actor.ts';
import { audit } from '../platform/audit.ts';
import { enqueue } from '../platform/outbox.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { parse } from '../../schemas/validate.ts';
import { defined, isUuid } from '../../schemas/common.ts';
import { zAssignReviewers, zUnassignReviewer, zCreateStage, zDeclareConflict, zMoveApplications, zRankingQuery, zScoreReview, zUpdateStage, zMailTemplates } from '../../schemas/incubation.ts';
import { applicationMail, defaultDecisionText, reviewerMail } from './mail.ts';
import { decisionKinds, mailLocales as locales, templateFields, unknownPlaceholders, type DecisionKind, type MailTemplates, type MailText } from '../../mail-template.ts';
import type { Locale } from '../../i18n/format.ts';
import { readConfig } from '../config.ts';
import { callRow, getApplication, type PublicApplication } from './application.service.ts';
import { joinCohort } from './cohort.service.ts';
import { host } from '../directory/host.ts';

type StageRow = typeof reviewStage.$inferSelect;

async function stageOf(stageId: string) {
	if (!isUuid(stageId)) throw notFound('err_stage_not_found');
	const [s] = await db().select().from(reviewStage).where(eq(reviewStage.id, stageId));
	if (!s) throw notFound('err_stage_not_found');
	return { s, ...(await callRow(s.callId)) };
}

// ── Stages ─────────────────────────────────────────────────────────────────────────────────

export interface PublicStage extends Omit<StageRow, 'createdAt'> {
	applications: number;
	reviewsDone: number;
	reviewsAssigned: number;
	scored: boolean;
}

/** A call's stages in order, with how far each one's reviews have got (staff and the park's reviewers). */
export async function listStages(actor: Actor, callId: string): Promise<PublicStage[]> {
	const c = await callRow(callId);
	await requireAccess(actor, Permission.ReviewRead, { siteId: c.p.siteId });
	const stages = await db().select().from(reviewStage).where(eq(reviewStage.callId, callId)).orderBy(asc(reviewStage.position));
	if (!stages.length) return [];
	const ids = stages.map((s) => s.id);
	const apps = await db().select({ stageId: application.stageId, n: count() }).from(application).where(inArray(application.stageId, ids)).groupBy(application.stageId);
	const reviews = await db()
		.select({ stageId: reviewAssignment.stageId, n: count(), done: count(reviewAssignment.submittedAt) })
		.from(reviewAssignment)
		.where(inArray(reviewAssignment.stageId, ids))
		.groupBy(reviewAssignment.stageId);
	return stages.map(({ createdAt: _c, ...s }) => {
		const r = reviews.find((x) => x.stageId === s.id);
		return { ...s, applications: apps.find((x) => x.stageId === s.id)?.n ?? 0, reviewsAssigned: r?.n ?? 0, reviewsDone: r?.done ?? 0, scored: (r?.done ?? 0) > 0 };
	});
}

export async function createStage(actor: Actor, callId: string, input: unknown): Promise<StageRow> {
	const c = await callRow(callId);
	await requireAccess(actor, Permission.ProgrammeManage, { siteId: c.p.siteId });
	const data = parse(zCreateStage, input);
	return db().transaction(async (tx) => {
		await tx.select({ id: programmeCall.id }).from(programmeCall).where(eq(programmeCall.id, callId)).for('update');
		const [last] = await tx.select({ n: max(reviewStage.position) }).from(reviewStage).where(eq(reviewStage.callId, callId));
		const [s] = await tx.insert(reviewStage).values({ ...data, callId, position: (last?.n ?? 0) + 1 }).returning();
		await audit(tx, actor, { action: 'review_stage.create', siteId: c.p.siteId, targetType: 'review_stage', targetId: s!.id, after: s });
		return s!;
	});
}

/** Change a stage. Its rubric is fixed once a review is submitted, so every score means the same. */
export async function updateStage(actor: Actor, stageId: string, input: unknown): Promise<StageRow> {
	const { s, p } = await stageOf(stageId);
	await requireAccess(actor, Permission.ProgrammeManage, { siteId: p.siteId });
	const data = parse(zUpdateStage, input);
	if (data.criteria) {
		const [done] = await db().select({ n: count() }).from(reviewAssignment).where(and(eq(reviewAssignment.stageId, stageId), isNotNull(reviewAssignment.submittedAt)));
		if (done!.n > 0) throw new AppError('CONFLICT', 'err_rubric_locked');
	}
	return db().transaction(async (tx) => {
		const [after] = await tx.update(reviewStage).set(defined(data)).where(eq(reviewStage.id, stageId)).returning();
		await audit(tx, actor, { action: 'review_stage.update', siteId: p.siteId, targetType: 'review_stage', targetId: stageId, before: s, after });
		return after!;
	});
}

// ── Moving and deciding ────────────────────────────────────────────────────────────────────

/**
 * Staff move submitted applications of a call into one of its stages, or accept or reject them.
 * An accepted startup joins the cohort: a tenant of the park for the programme's run, on its
 * facilities plan. Applicants are e-mailed (unless `notify` is false) in their language, by name;
 * the e-mails never name reviewers or scores. Applications that are not submitted are skipped.
 */
export async function moveApplications(actor: Actor, callId: string, input: unknown, now = new Date()): Promise<{ moved: number; skipped: string[] }> {
	const c = await callRow(callId);
	await requireAccess(actor, Permission.ProgrammeManage, { siteId: c.p.siteId });
	const data = parse(zMoveApplications, input);
	let target: StageRow | undefined;
	if (data.to !== 'accepted' && data.to !== 'rejected') {
		[target] = await db().select().from(reviewStage).where(and(eq(reviewStage.id, data.to), eq(reviewStage.callId, callId)));
		if (!target) throw new AppError('VALIDATION', 'err_validation', {}, [{ field: 'to', key: 'err_stage_not_found' }]);
	}
	const ids = [...new Set(data.applicationIds)];
	return db().transaction(async (tx) => {
		const rows = await tx
			.select({ a: application, email: user.email, name: user.name, locale: user.locale, orgName: organization.name })
			.from(application)
			.innerJoin(user, eq(user.id, application.applicantId))
			.leftJoin(organization, eq(organization.id, application.organizationId))
			.where(and(inArray(application.id, ids), eq(application.callId, callId), eq(application.status, 'submitted')))
			.for('update', { of: application });
		const movable = rows.filter((r) => r.a.stageId !== target?.id);
		const skipped = ids.filter((id) => !movable.some((r) => r.a.id === id));
		if (!movable.length) return { moved: 0, skipped };
		const movedIds = movable.map((r) => r.a.id);
		if (target) await tx.update(application).set({ stageId: target.id, updatedAt: sql`now()` }).where(inArray(application.id, movedIds));
		else await tx.update(application).set({ status: data.to as 'accepted' | 'rejected', stageId: null, decidedAt: now, updatedAt: sql`now()` }).where(inArray(application.id, movedIds));
		if (data.to === 'accepted') await joinCohort(tx, c.p, movable.filter((r) => r.a.organizationId).map((r) => ({ orgId: r.a.organizationId!, applicationId: r.a.id })));
		for (const r of movable) {
			await audit(tx, actor, { action: target ? 'application.move' : `application.${data.to}`, siteId: c.p.siteId, targetType: 'application', targetId: r.a.id, before: { stageId: r.a.stageId, status: r.a.status }, after: { stageId: target?.id ?? null, status: target ? 'submitted' : data.to } });
			const kind = target ? (target.position > 1 ? 'advanced' : null) : (data.to as 'accepted' | 'rejected');
			if (data.notify && kind) await enqueue(tx, 'email', applicationMail(r.locale ?? 'id', kind, { to: r.email, name: r.name, startup: r.orgName ?? r.a.startupName, programme: c.p.name, call: c.c.title, site: c.siteName, time: '', stage: target?.name ?? '' }, c.c.mailTemplates));
		}
		return { moved: movable.length, skipped };
	});
}

// ── Decision e-mails ───────────────────────────────────────────────────────────────────────

export type DecisionTexts = Record<DecisionKind, Record<Locale, MailText & { custom: boolean }>>;

const textsOf = (own: MailTemplates): DecisionTexts =>
	Object.fromEntries(decisionKinds.map((k) => [k, Object.fromEntries(locales.map((l) => [l, own[k]?.[l] ? { ...own[k][l]!, custom: true } : { ...defaultDecisionText(k, l), custom: false }]))])) as DecisionTexts;

/** The wording of a call's decision e-mails per decision and language: the staff's own, or built in. */
export async function decisionTexts(actor: Actor, callId: string): Promise<DecisionTexts> {
	const c = await callRow(callId);
	await requireAccess(actor, Permission.ProgrammeManage, { siteId: c.p.siteId });
	return textsOf(c.c.mailTemplates);
}

/**
 * Word a call's decision e-mails (every decision in both languages). Texts equal to the built-in
 * wording are not kept, so they follow it; a placeholder Taman cannot fill is refused by name.
 */
export async function saveDecisionTexts(actor: Actor, callId: string, input: unknown): Promise<DecisionTexts> {
	const c = await callRow(callId);
	await requireAccess(actor, Permission.ProgrammeManage, { siteId: c.p.siteId });
	const data = parse(zMailTemplates, input);
	const allowed = templateFields.map((f) => `{${f}}`).join(', ');
	const fields = decisionKinds.flatMap((k) =>
		locales.flatMap((l) => (['subject', 'body'] as const).flatMap((part) => unknownPlaceholders(data[k][l][part]).map((x) => ({ field: `${k}.${l}.${part}`, key: 'err_template_placeholder', params: { placeholder: `{${x}}`, allowed } }))))
	);
	if (fields.length) throw new AppError('VALIDATION', 'err_validation', {}, fields);
	const own: MailTemplates = {};
	for (const k of decisionKinds)
		for (const l of locales) {
			const d = defaultDecisionText(k, l);
			if (data[k][l].subject !== d.subject.trim() || data[k][l].body !== d.body.trim()) (own[k] ??= {})[l] = data[k][l];
		}
	await db().transaction(async (tx) => {
		await tx.update(programmeCall).set({ mailTemplates: own }).where(eq(programmeCall.id, c.c.id));
		await audit(tx, actor, { action: 'call.mail_templates', siteId: c.p.siteId, targetType: 'programme_call', targetId: c.c.id, before: c.c.mailTemplates, after: own });
	});
	return textsOf(own);
}

// ── Assigning reviewers ────────────────────────────────────────────────────────────────────

/** The park's reviewers: people holding the reviewer role there; for the network's own programmes, at any park. */
async function reviewerPool(siteId: string | null): Promise<{ id: string; name: string }[]> {
	return db()
		.selectDistinct({ id: user.id, name: user.name })
		.from(siteRole)
		.innerJoin(user, eq(user.id, siteRole.userId))
		.where(and(siteId ? eq(siteRole.siteId, siteId) : undefined, eq(siteRole.role, 'reviewer')))
		.orderBy(asc(user.name), asc(user.id));
}

export async function reviewers(actor: Actor, callId: string) {
	const c = await callRow(callId);
	await requireAccess(actor, Permission.ProgrammeManage, { siteId: c.p.siteId });
	return reviewerPool(c.p.siteId);
}

/**
 * Give applications of a stage their reviewers. Manual: one reviewer (of the park) to the given
 * applications. Automatic: every application in the stage gets up to the stage's number of
 * reviewers, each time the one with the fewest reviews in the stage, never one with a conflict.
 */
export async function assignReviewers(actor: Actor, stageId: string, input: unknown): Promise<{ assigned: number; short: number }> {
	const { s, p, c } = await stageOf(stageId);
	await requireAccess(actor, Permission.ProgrammeManage, { siteId: p.siteId });
	const data = parse(zAssignReviewers, input);
	const pool = await reviewerPool(p.siteId);
	return db().transaction(async (tx) => {
		await tx.select({ id: reviewStage.id }).from(reviewStage).where(eq(reviewStage.id, stageId)).for('update');
		const inStage = await tx.select({ id: application.id }).from(application).where(eq(application.stageId, stageId));
		const conflicts = await tx.select().from(reviewConflict).where(inArray(reviewConflict.applicationId, inStage.length ? inStage.map((a) => a.id) : ['00000000-0000-0000-0000-000000000000']));
		const existing = await tx.select({ applicationId: reviewAssignment.applicationId, reviewerId: reviewAssignment.reviewerId }).from(reviewAssignment).where(eq(reviewAssignment.stageId, stageId));
		const conflicted = (app: string, rev: string) => conflicts.some((c) => c.applicationId === app && c.reviewerId === rev);
		const has = (app: string, rev: string) => existing.some((e) => e.applicationId === app && e.reviewerId === rev);
		const rows: { applicationId: string; reviewerId: string }[] = [];
		let short = 0;
		if ('auto' in data) {
			const load = new Map(pool.map((r) => [r.id, existing.filter((e) => e.reviewerId === r.id).length]));
			for (const a of inStage) {
				let have = existing.filter((e) => e.applicationId === a.id).length;
				while (have < s.reviewersPerApplication) {
					const pick = pool.filter((r) => !has(a.id, r.id) && !conflicted(a.id, r.id) && !rows.some((x) => x.applicationId === a.id && x.reviewerId === r.id)).sort((x, y) => load.get(x.id)! - load.get(y.id)! || x.name.localeCompare(y.name))[0];
					if (!pick) {
						short++;
						break;
					}
					rows.push({ applicationId: a.id, reviewerId: pick.id });
					load.set(pick.id, load.get(pick.id)! + 1);
					have++;
				}
			}
		} else {
			if (!pool.some((r) => r.id === data.reviewerId)) throw new AppError('VALIDATION', 'err_validation', {}, [{ field: 'reviewerId', key: 'err_reviewer_not_found' }]);
			for (const id of new Set(data.applicationIds)) {
				if (!inStage.some((a) => a.id === id)) throw new AppError('VALIDATION', 'err_validation', {}, [{ field: 'applicationIds', key: 'err_application_not_in_stage' }]);
				if (conflicted(id, data.reviewerId)) throw new AppError('CONFLICT', 'err_reviewer_conflicted');
				if (!has(id, data.reviewerId)) rows.push({ applicationId: id, reviewerId: data.reviewerId });
			}
		}
		if (rows.length) await tx.insert(reviewAssignment).values(rows.map((r) => ({ ...r, stageId }))).onConflictDoNothing();
		// Each reviewer given new work hears of it once, in their language, with how much and where.
		const perReviewer = new Map<string, number>();
		for (const r of rows) perReviewer.set(r.reviewerId, (perReviewer.get(r.reviewerId) ?? 0) + 1);
		if (perReviewer.size) {
			const people = await tx.select({ id: user.id, email: user.email, name: user.name, locale: user.locale }).from(user).where(inArray(user.id, [...perReviewer.keys()]));
			const link = `${readConfig().origin}/reviews`;
			for (const u of people) await enqueue(tx, 'email', reviewerMail(u.locale ?? 'id', { to: u.email, name: u.name, count: perReviewer.get(u.id)!, stage: s.name, programme: p.name, call: c.title, link }));
		}
		await audit(tx, actor, { action: 'review.assign', siteId: p.siteId, targetType: 'review_stage', targetId: stageId, after: { assigned: rows.length, auto: 'auto' in data } });
		return { assigned: rows.length, short };
	});
}

/**
 * Take one reviewer off some applications of a stage. Assignments whose review was already
 * submitted stay (their scores are part of the ranking); the rest are removed.
 */
export async function unassignReviewer(actor: Actor, stageId: string, input: unknown): Promise<{ removed: number; kept: number }> {
	const { p } = await stageOf(stageId);
	await requireAccess(actor, Permission.ProgrammeManage, { siteId: p.siteId });
	const data = parse(zUnassignReviewer, input);
	const ids = [...new Set(data.applicationIds)];
	return db().transaction(async (tx) => {
		const rows = await tx
			.select({ id: reviewAssignment.id, submittedAt: reviewAssignment.submittedAt })
			.from(reviewAssignment)
			.where(and(eq(reviewAssignment.stageId, stageId), eq(reviewAssignment.reviewerId, data.reviewerId), inArray(reviewAssignment.applicationId, ids)))
			.for('update');
		const open = rows.filter((r) => !r.submittedAt).map((r) => r.id);
		if (open.length) await tx.delete(reviewAssignment).where(inArray(reviewAssignment.id, open));
		const kept = rows.length - open.length;
		await audit(tx, actor, { action: 'review.unassign', siteId: p.siteId, targetType: 'review_stage', targetId: stageId, after: { reviewerId: data.reviewerId, removed: open.length, kept } });
		return { removed: open.length, kept };
	});
}

// ── Reviewing ──────────────────────────────────────────────────────────────────────────────

export interface MyReview {
	id: string;
	applicationId: string;
	/** The startup's name, or a neutral label in a blind stage. */
	label: string;
	blind: boolean;
	stageName: string;
	callTitle: string;
	programmeName: string;
	siteName: string;
	submittedAt: string | null;
	total: number | null;
}

const neutral = (applicationId: string) => `#${applicationId.slice(0, 6).toUpperCase()}`;

/** The reviews assigned to me, those still to do first. */
export async function myReviews(actor: Actor): Promise<MyReview[]> {
	const me = await requireUser(actor, Permission.ProfileRead);
	const rows = await db()
		.select({ r: reviewAssignment, s: reviewStage, a: application, orgName: organization.name, callTitle: programmeCall.title, programmeName: programme.name, siteName: host.siteName })
		.from(reviewAssignment)
		.innerJoin(reviewStage, eq(reviewStage.id, reviewAssignment.stageId))
		.innerJoin(application, eq(application.id, reviewAssignment.applicationId))
		.leftJoin(organization, eq(organization.id, application.organizationId))
		.innerJoin(programmeCall, eq(programmeCall.id, reviewStage.callId))
		.innerJoin(programme, eq(programme.id, programmeCall.programmeId))
		.leftJoin(site, eq(site.id, programme.siteId))
		.where(eq(reviewAssignment.reviewerId, me.userId))
		.orderBy(sql`${reviewAssignment.submittedAt} IS NOT NULL`, asc(reviewAssignment.createdAt))
		.limit(500);
	return rows.map((x) => ({
		id: x.r.id,
		applicationId: x.a.id,
		label: x.s.blind ? neutral(x.a.id) : (x.orgName ?? (x.a.startupName || neutral(x.a.id))),
		blind: x.s.blind,
		stageName: x.s.name,
		callTitle: x.callTitle,
		programmeName: x.programmeName,
		siteName: x.siteName,
		submittedAt: x.r.submittedAt?.toISOString() ?? null,
		total: x.r.total
	}));
}

async function assignmentOf(actor: Actor, id: string): Promise<{ me: UserActor; r: typeof reviewAssignment.$inferSelect; s: StageRow; siteId: string | null }> {
	const me = await requireUser(actor, Permission.ProfileRead);
	if (!isUuid(id)) throw notFound('err_review_not_found');
	const [row] = await db().select({ r: reviewAssignment, s: reviewStage, siteId: programme.siteId }).from(reviewAssignment).innerJoin(reviewStage, eq(reviewStage.id, reviewAssignment.stageId)).innerJoin(programmeCall, eq(programmeCall.id, reviewStage.callId)).innerJoin(programme, eq(programme.id, programmeCall.programmeId)).where(eq(reviewAssignment.id, id));
	if (!row || row.r.reviewerId !== me.userId) {
		await audit(db(), actor, { action: Permission.ReviewScore.name, outcome: 'denied', siteId: row?.siteId ?? null, targetType: 'review_assignment', targetId: id });
		throw notFound('err_review_not_found');
	}
	return { me, ...row };
}

export interface ReviewView {
	id: string;
	stage: { id: string; name: string; blind: boolean; criteria: Criterion[]; commentRequired: boolean };
	scores: Record<string, number> | null;
	comment: string;
	total: number | null;
	submittedAt: string | null;
	application: PublicApplication;
}

/** A review to do: the application (without who applied in a blind stage) and the stage's rubric. */
export async function getReview(actor: Actor, id: string): Promise<ReviewView> {
	const { r, s } = await assignmentOf(actor, id);
	const app = await getApplication(actor, r.applicationId);
	return { id: r.id, stage: { id: s.id, name: s.name, blind: s.blind, criteria: s.criteria, commentRequired: s.commentRequired }, scores: r.scores, comment: r.comment, total: r.total, submittedAt: r.submittedAt?.toISOString() ?? null, application: app };
}

/** The weighted total of a review, 0–100: Σ weight × score ÷ scale, over Σ weight. */
export function weightedTotal(criteria: Criterion[], scores: Record<string, number>): number {
	const weights = criteria.reduce((n, c) => n + c.weight, 0);
	return (100 * criteria.reduce((n, c) => n + (c.weight * (scores[c.key] ?? 0)) / c.scaleMax, 0)) / weights;
}

/** Score every criterion of the rubric (0..its scale); a comment when the stage asks for one. Can be revised until a decision. */
export async function scoreReview(actor: Actor, id: string, input: unknown, now = new Date()): Promise<ReviewView> {
	const { r, s, siteId } = await assignmentOf(actor, id);
	const data = parse(zScoreReview, input);
	const errors = s.criteria.flatMap((c) => {
		const v = data.scores[c.key];
		if (v === undefined) return [{ field: `scores.${c.key}`, key: 'err_field_required' }];
		if (v > c.scaleMax) return [{ field: `scores.${c.key}`, key: 'err_field_too_big', params: { max: c.scaleMax } }];
		return [];
	});
	for (const k of Object.keys(data.scores)) if (!s.criteria.some((c) => c.key === k)) errors.push({ field: `scores.${k}`, key: 'err_field_unknown' });
	if (s.commentRequired && !data.comment) errors.push({ field: 'comment', key: 'err_field_required' });
	if (errors.length) throw new AppError('VALIDATION', 'err_validation', {}, errors);
	const [app] = await db().select({ status: application.status, stageId: application.stageId }).from(application).where(eq(application.id, r.applicationId));
	if (app?.status !== 'submitted') throw new AppError('CONFLICT', 'err_review_closed');
	const total = weightedTotal(s.criteria, data.scores);
	await db().transaction(async (tx) => {
		await tx.update(reviewAssignment).set({ scores: data.scores, comment: data.comment, total, submittedAt: now }).where(eq(reviewAssignment.id, id));
		await audit(tx, actor, { action: 'review.score', siteId, targetType: 'review_assignment', targetId: id, after: { total } });
	});
	return getReview(actor, id);
}

/**
 * A reviewer declares a conflict of interest with an application. From then on it is hidden from
 * them everywhere; their review of it (and its scores) is removed, and another reviewer of the
 * park takes their place when one is free.
 */
export async function declareConflict(actor: Actor, applicationId: string, input: unknown): Promise<{ replacedBy: boolean }> {
	const me = await requireUser(actor, Permission.ProfileRead);
	if (!isUuid(applicationId)) throw notFound('err_application_not_found');
	const data = parse(zDeclareConflict, input);
	const [a] = await db().select({ id: application.id, stageId: application.stageId, siteId: programme.siteId }).from(application).innerJoin(programmeCall, eq(programmeCall.id, application.callId)).innerJoin(programme, eq(programme.id, programmeCall.programmeId)).where(eq(application.id, applicationId));
	if (!a) throw notFound('err_application_not_found');
	await requireAccess(actor, Permission.ReviewScore, { siteId: a.siteId });
	const removed = await db().transaction(async (tx) => {
		await tx.insert(reviewConflict).values({ applicationId, reviewerId: me.userId, reason: data.reason }).onConflictDoNothing();
		const gone = await tx.delete(reviewAssignment).where(and(eq(reviewAssignment.applicationId, applicationId), eq(reviewAssignment.reviewerId, me.userId))).returning({ stageId: reviewAssignment.stageId });
		await audit(tx, actor, { action: 'review.conflict', siteId: a.siteId, targetType: 'application', targetId: applicationId, after: { removed: gone.length } });
		return gone;
	});
	// The replacement: the stage's balanced assignment, done by the system for the staff.
	let replacedBy = false;
	for (const stageId of new Set(removed.map((g) => g.stageId))) replacedBy = (await assignReviewers({ kind: 'system' }, stageId, { auto: true })).assigned > 0 || replacedBy;
	return { replacedBy };
}

// ── Ranking ────────────────────────────────────────────────────────────────────────────────

export interface RankedApplication {
	rank: number;
	applicationId: string;
	startup: string;
	reviews: { reviewerId: string; reviewerName: string; total: number | null; z: number | null; submitted: boolean }[];
	done: number;
	assigned: number;
	mean: number | null;
	min: number | null;
	max: number | null;
	/** Standard deviation of the reviewers' totals: how much they disagree. */
	sd: number | null;
	/** Mean of the reviewers' z-scores (each reviewer's totals centred on their mean, in their own spread). */
	z: number | null;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
const sdOf = (xs: number[]) => {
	const m = mean(xs);
	return m === null ? null : Math.sqrt(xs.reduce((n, x) => n + (x - m) ** 2, 0) / xs.length);
};

/**
 * A stage's applications ranked by their reviewers' mean weighted total, or with `normalise` by
 * the mean of z-scores per reviewer, which evens out lenient and severe reviewers. Staff only.
 */
export async function ranking(actor: Actor, stageId: string, input: unknown = {}): Promise<{ stage: StageRow; normalise: boolean; items: RankedApplication[] }> {
	const { s, p } = await stageOf(stageId);
	await requireAccess(actor, Permission.ApplicationRead, { siteId: p.siteId });
	const q = parse(zRankingQuery, input);
	const normalise = q.normalise === '1' || q.normalise === 'true';
	const me = actor.kind === 'user' ? actor.userId : '';
	const apps = await db()
		.select({ id: application.id, startup: sql<string>`coalesce(${organization.name}, nullif(${application.startupName}, ''), '')` })
		.from(application)
		.leftJoin(organization, eq(organization.id, application.organizationId))
		.where(and(eq(application.stageId, stageId), sql`NOT EXISTS (SELECT 1 FROM ${reviewConflict} rc WHERE rc.application_id = ${application.id} AND rc.reviewer_id = ${me})`));
	const reviews = await db().select({ applicationId: reviewAssignment.applicationId, reviewerId: reviewAssignment.reviewerId, reviewerName: user.name, total: reviewAssignment.total, submittedAt: reviewAssignment.submittedAt }).from(reviewAssignment).innerJoin(user, eq(user.id, reviewAssignment.reviewerId)).where(eq(reviewAssignment.stageId, stageId));
	// Each reviewer's mean and spread over all they scored in the stage.
	const byReviewer = new Map<string, number[]>();
	for (const r of reviews) if (r.total !== null) (byReviewer.get(r.reviewerId) ?? byReviewer.set(r.reviewerId, []).get(r.reviewerId)!).push(r.total);
	const stats = new Map([...byReviewer].map(([id, xs]) => [id, { m: mean(xs)!, sd: sdOf(xs)! }]));
	const zOf = (reviewerId: string, total: number | null) => {
		const st = stats.get(reviewerId);
		return total === null || !st ? null : st.sd > 0 ? (total - st.m) / st.sd : 0;
	};
	const byApp = new Map<string, typeof reviews>();
	for (const r of reviews) (byApp.get(r.applicationId) ?? byApp.set(r.applicationId, []).get(r.applicationId)!).push(r);
	const items = apps.map((a) => {
		const rs = (byApp.get(a.id) ?? []).map((r) => ({ reviewerId: r.reviewerId, reviewerName: r.reviewerName, total: r.total, z: zOf(r.reviewerId, r.total), submitted: r.submittedAt !== null }));
		const totals = rs.filter((r) => r.total !== null).map((r) => r.total!);
		const zs = rs.filter((r) => r.z !== null).map((r) => r.z!);
		return { rank: 0, applicationId: a.id, startup: a.startup, reviews: rs, done: totals.length, assigned: rs.length, mean: mean(totals), min: totals.length ? Math.min(...totals) : null, max: totals.length ? Math.max(...totals) : null, sd: sdOf(totals), z: mean(zs) };
	});
	const key = (x: RankedApplication) => (normalise ? x.z : x.mean);
	items.sort((x, y) => (key(y) ?? -Infinity) - (key(x) ?? -Infinity) || x.startup.localeCompare(y.startup));
	items.forEach((x, i) => (x.rank = key(x) === null ? 0 : i + 1));
	return { stage: s, normalise, items };
}

export interface StaffReview {
	id: string;
	stageName: string;
	reviewerName: string;
	total: number | null;
	comment: string;
	scores: Record<string, number> | null;
	submittedAt: string | null;
}

/**
 * Every review of an application, for the park's staff (never its applicant, nor a reviewer).
 * `app` is the application as getApplication just gave it to this actor, so a staff member with a
 * conflict never gets here; the staff check is made again on its park.
 */
export async function reviewsOf(actor: Actor, app: Pick<PublicApplication, 'id' | 'siteId'>): Promise<StaffReview[]> {
	await requireAccess(actor, Permission.ApplicationRead, { siteId: app.siteId });
	const rows = await db()
		.select({ r: reviewAssignment, stageName: reviewStage.name, position: reviewStage.position, reviewerName: user.name })
		.from(reviewAssignment)
		.innerJoin(reviewStage, eq(reviewStage.id, reviewAssignment.stageId))
		.innerJoin(user, eq(user.id, reviewAssignment.reviewerId))
		.where(eq(reviewAssignment.applicationId, app.id))
		.orderBy(asc(reviewStage.position), asc(user.name));
	return rows.map((x) => ({ id: x.r.id, stageName: x.stageName, reviewerName: x.reviewerName, total: x.r.total, comment: x.r.comment, scores: x.r.scores, submittedAt: x.r.submittedAt?.toISOString() ?? null }));
}
