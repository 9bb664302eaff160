import crypto from 'node:crypto';
import { and, asc, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { db, pgCode, type Tx } from '../db/client.ts';
import { application, applicationFile, applicationForm, programme, programmeCall, reviewAssignment, reviewConflict, reviewStage } from './schema.ts';
import { organization, site } from '../directory/schema.ts';
import { user } from '../auth/schema.ts';
import { can, isOrgMember, Permission, requireAccess, requireUser } from '../auth/access.ts';
import type { Actor, UserActor } from '../auth/actor.ts';
import { audit } from '../platform/audit.ts';
import { fileKind, sha256 } from '../platform/files.ts';
import { enqueue } from '../platform/outbox.ts';
import { AppError, notFound, type FieldError } from '../platform/errors.ts';
import { afterCursor, page, type Paged } from '../platform/paging.ts';
import { parse } from '../../schemas/validate.ts';
import { isUuid, zPage, type Page } from '../../schemas/common.ts';
import { zApplicationQuery, zSaveApplication, zStartApplication } from '../../schemas/incubation.ts';
import { checkAnswers, maxMbOf, zSaveForm } from '../../schemas/forms.ts';
import { fieldsOf, starterForm, type FormSection } from '../../forms.ts';
import { checkRegion, regions } from '../directory/regions.ts';
import { containsPattern, slugify } from '../directory/common.ts';
import { insertOrg } from '../directory/org.service.ts';
import { asLocale, formatDateTime } from '../../i18n/format.ts';
import { applicationMail } from './mail.ts';
import { host } from '../directory/host.ts';

type AppRow = typeof application.$inferSelect;
type FormRow = typeof applicationForm.$inferSelect;
export type ApplicationStatus = AppRow['status'];

// ── Forms ──────────────────────────────────────────────────────────────────────────────────

export interface PublicForm {
	id: string | null;
	callId: string;
	version: number;
	sections: FormSection[];
	createdAt: string | null;
}

const toForm = (f: FormRow): PublicForm => ({ id: f.id, callId: f.callId, version: f.version, sections: f.sections, createdAt: f.createdAt.toISOString() });

/** The call, its programme, the park's name and zone: every application and review check starts here. */
export async function callRow(callId: string) {
	if (!isUuid(callId)) throw notFound('err_call_not_found');
	const [row] = await db()
		.select({ c: programmeCall, p: programme, siteName: host.siteName, timeZone: host.timeZone })
		.from(programmeCall)
		.innerJoin(programme, eq(programme.id, programmeCall.programmeId))
		.leftJoin(site, eq(site.id, programme.siteId))
		.where(eq(programmeCall.id, callId));
	if (!row) throw notFound('err_call_not_found');
	return { ...row, siteId: row.p.siteId };
}

async function latestForm(callId: string, tx: Tx = db()): Promise<FormRow | undefined> {
	const [f] = await tx.select().from(applicationForm).where(eq(applicationForm.callId, callId)).orderBy(desc(applicationForm.version)).limit(1);
	return f;
}

/** The form applicants fill in now. A call whose staff have not touched its form has the starter form. */
export async function getForm(callId: string): Promise<PublicForm> {
	await callRow(callId);
	const f = await latestForm(callId);
	return f ? toForm(f) : { id: null, callId, version: 0, sections: starterForm(), createdAt: null };
}

/** The latest form row, the starter form written as version 1 when the call has none yet. */
async function ensureForm(tx: Tx, callId: string): Promise<FormRow> {
	const f = await latestForm(callId, tx);
	if (f) return f;
	const [created] = await tx.insert(applicationForm).values({ callId, version: 1, sections: starterForm() }).onConflictDoNothing().returning();
	return created ?? (await latestForm(callId, tx))!;
}

/**
 * Staff change a call's form. While no submitted application uses the latest version it is
 * changed in place; otherwise a new version is written, so what was submitted keeps the form it
 * answered.
 * Drafts move to the new version and keep the answers whose fields remain.
 */
export async function saveForm(actor: Actor, callId: string, input: unknown): Promise<PublicForm> {
	const c = await callRow(callId);
	await requireAccess(actor, Permission.ProgrammeManage, { siteId: c.siteId });
	const { sections } = parse(zSaveForm, input);
	const by = actor.kind === 'user' ? actor.userId : null;
	return db().transaction(async (tx) => {
		// One writer per call at a time, so two staff saving together make two versions, not one lost edit.
		await tx.select({ id: programmeCall.id }).from(programmeCall).where(eq(programmeCall.id, callId)).for('update');
		const latest = await latestForm(callId, tx);
		// Drafts follow the latest version anyway; only a submitted (or since withdrawn) application pins one.
		const used = latest ? (await tx.select({ id: application.id }).from(application).where(and(eq(application.formId, latest.id), sql`${application.status} <> 'draft'`)).limit(1)).length > 0 : false;
		let row: FormRow;
		if (latest && !used) [row] = (await tx.update(applicationForm).set({ sections, createdBy: by, createdAt: sql`now()` }).where(eq(applicationForm.id, latest.id)).returning()) as [FormRow];
		else [row] = (await tx.insert(applicationForm).values({ callId, version: (latest?.version ?? 0) + 1, sections, createdBy: by }).returning()) as [FormRow];
		await tx.update(application).set({ formId: row.id, updatedAt: sql`now()` }).where(and(eq(application.callId, callId), eq(application.status, 'draft')));
		await audit(tx, actor, { action: 'application_form.save', siteId: c.siteId, targetType: 'programme_call', targetId: callId, before: latest ? { version: latest.version } : undefined, after: { version: row.version, fields: fieldsOf(sections).length } });
		return toForm(row);
	});
}

// ── Applications ───────────────────────────────────────────────────────────────────────────

export interface PublicApplication {
	id: string;
	callId: string;
	callTitle: string;
	programmeName: string;
	/** The park running the call, null for the network. */
	siteId: string | null;
	siteName: string;
	timeZone: string;
	closesAt: string;
	callOpen: boolean;
	status: ApplicationStatus;
	applicantId: string;
	applicantName: string;
	organizationId: string | null;
	organizationName: string | null;
	startupName: string;
	answers: Record<string, unknown>;
	kbli: string | null;
	subsector: AppRow['subsector'];
	provinceCode: string | null;
	regencyCode: string | null;
	submittedAt: string | null;
	updatedAt: string;
	form: PublicForm;
	files: { id: string; fieldKey: string; name: string; bytes: number }[];
	/** Set when who applied is hidden from the reader (a blind review stage). */
	blind?: boolean;
	/** The review stage it is in (staff and applicant see its name; null before review and after a decision). */
	stageId: string | null;
	stageName: string | null;
}

async function appRow(id: string) {
	if (!isUuid(id)) throw notFound('err_application_not_found');
	const [row] = await db()
		.select({ a: application, f: applicationForm, c: programmeCall, siteId: programme.siteId, programmeName: programme.name, siteName: host.siteName, timeZone: host.timeZone, applicantName: user.name, organizationName: organization.name, stageName: reviewStage.name })
		.from(application)
		.innerJoin(applicationForm, eq(applicationForm.id, application.formId))
		.innerJoin(programmeCall, eq(programmeCall.id, application.callId))
		.innerJoin(programme, eq(programme.id, programmeCall.programmeId))
		.leftJoin(site, eq(site.id, programme.siteId))
		.innerJoin(user, eq(user.id, application.applicantId))
		.leftJoin(organization, eq(organization.id, application.organizationId))
		.leftJoin(reviewStage, eq(reviewStage.id, application.stageId))
		.where(eq(application.id, id));
	if (!row) throw notFound('err_application_not_found');
	return row;
}
type AppJoined = Awaited<ReturnType<typeof appRow>>;

/** `15 Januari 2027, 23.59 WIB` in the reader's language. */
const when = (d: Date, locale: string, tz: string) => formatDateTime(d, asLocale(locale), tz);

const isOpen = (c: { opensAt: Date; closesAt: Date }, now: Date) => c.opensAt <= now && now < c.closesAt;

async function toPublic(r: AppJoined, now: Date): Promise<PublicApplication> {
	const files = await db().select({ id: applicationFile.id, fieldKey: applicationFile.fieldKey, name: applicationFile.name, bytes: applicationFile.bytes }).from(applicationFile).where(eq(applicationFile.applicationId, r.a.id)).orderBy(asc(applicationFile.createdAt));
	return {
		id: r.a.id,
		callId: r.c.id,
		callTitle: r.c.title,
		programmeName: r.programmeName,
		siteId: r.siteId,
		siteName: r.siteName,
		timeZone: r.timeZone,
		closesAt: r.c.closesAt.toISOString(),
		callOpen: isOpen(r.c, now),
		status: r.a.status,
		applicantId: r.a.applicantId,
		applicantName: r.applicantName,
		organizationId: r.a.organizationId,
		organizationName: r.organizationName,
		startupName: r.a.startupName,
		answers: r.a.answers,
		kbli: r.a.kbli,
		subsector: r.a.subsector,
		provinceCode: r.a.provinceCode,
		regencyCode: r.a.regencyCode,
		submittedAt: r.a.submittedAt?.toISOString() ?? null,
		updatedAt: r.a.updatedAt.toISOString(),
		stageId: r.a.stageId,
		stageName: r.stageName,
		form: toForm(r.f),
		files
	};
}

/**
 * Who may see an application, and how: its applicant; the park's staff; a reviewer it is
 * assigned to (without who applied, while every stage they review it in is blind). A reviewer or
 * staff member who declared a conflict of interest with it, like anyone else, is told it does not
 * exist (the refusal is still audited), so ids reveal nothing.
 */
async function access(actor: Actor, r: AppJoined): Promise<'applicant' | 'staff' | 'reviewer' | 'blind'> {
	if (actor.kind === 'user' && actor.userId === r.a.applicantId) return 'applicant';
	const deny = async (): Promise<never> => {
		await audit(db(), actor, { action: Permission.ApplicationRead.name, outcome: 'denied', siteId: r.siteId, targetType: 'application', targetId: r.a.id });
		if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED', 'err_unauthenticated');
		throw notFound('err_application_not_found');
	};
	if (actor.kind !== 'user') return actor.kind === 'system' ? 'staff' : deny();
	const [conflict] = await db().select({ id: reviewConflict.id }).from(reviewConflict).where(and(eq(reviewConflict.applicationId, r.a.id), eq(reviewConflict.reviewerId, actor.userId)));
	if (conflict) return deny();
	if (await can(actor, Permission.ApplicationRead, { siteId: r.siteId })) return 'staff';
	const stages = await db().select({ blind: reviewStage.blind }).from(reviewAssignment).innerJoin(reviewStage, eq(reviewStage.id, reviewAssignment.stageId)).where(and(eq(reviewAssignment.applicationId, r.a.id), eq(reviewAssignment.reviewerId, actor.userId)));
	// Blind while every stage they review it in is blind; a later open stage (an interview) shows who it is.
	if (stages.length) return stages.every((s) => s.blind) ? 'blind' : 'reviewer';
	return deny();
}

/**
 * An application as a blind stage's reviewer sees it: no applicant, no organisation, no team
 * members' names, no links or e-mail addresses, files named by their question. What applicants wrote in their answers is theirs
 * and is shown as written.
 */
function blinded(a: PublicApplication): PublicApplication {
	const fields = fieldsOf(a.form.sections);
	const team = new Set(fields.filter((f) => f.type === 'team').map((f) => f.key));
	// Links and addresses name the startup as surely as its name does.
	const identifying = new Set(fields.filter((f) => f.type === 'url' || f.type === 'email').map((f) => f.key));
	const answers = Object.fromEntries(
		Object.entries(a.answers)
			.filter(([k]) => !identifying.has(k))
			.map(([k, v]) => [k, team.has(k) && Array.isArray(v) ? (v as { role: string }[]).map((m) => ({ name: '', role: m.role })) : v])
	);
	// File names often carry the startup's name; the field's key does not.
	const files = a.files.map((f) => ({ ...f, name: `${f.fieldKey}.pdf` }));
	return { ...a, applicantId: '', applicantName: '', organizationId: null, organizationName: null, startupName: '', answers, files, blind: true };
}

/** Only the applicant changes an application, only while it is a draft and its call is open. */
async function editable(actor: Actor, id: string, now: Date) {
	const me = await requireUser(actor, Permission.ApplicationCreate);
	const r = await appRow(id);
	if (r.a.applicantId !== me.userId) {
		await audit(db(), actor, { action: Permission.ApplicationCreate.name, outcome: 'denied', siteId: r.siteId, targetType: 'application', targetId: id });
		throw notFound('err_application_not_found');
	}
	if (r.a.status !== 'draft') throw new AppError('CONFLICT', 'err_application_not_draft', { status: r.a.status });
	if (!isOpen(r.c, now)) throw new AppError('CONFLICT', 'err_call_closed', { time: when(r.c.closesAt, me.locale, r.timeZone) });
	return { me, r };
}

/** The organisation must be one the applicant belongs to. */
async function checkOrganization(me: UserActor, organizationId: string | null | undefined): Promise<FieldError | null> {
	if (!organizationId) return null;
	return (await isOrgMember(organizationId, me.userId)) ? null : { field: 'organizationId', key: 'err_application_org' };
}

const exists = (e: unknown): never => {
	if (pgCode(e) === '23505') throw new AppError('CONFLICT', 'err_application_exists');
	throw e;
};

/** Start a draft for an open call, on behalf of one of your organisations or a new startup's name. */
export async function startApplication(actor: Actor, callId: string, input: unknown, now = new Date()): Promise<PublicApplication> {
	const me = await requireUser(actor, Permission.ApplicationCreate);
	const c = await callRow(callId);
	const data = parse(zStartApplication, input);
	const bad = await checkOrganization(me, data.organizationId);
	if (bad) throw new AppError('VALIDATION', 'err_validation', {}, [bad]);
	if (!isOpen(c.c, now)) throw new AppError('CONFLICT', now < c.c.opensAt ? 'err_call_not_open' : 'err_call_closed', { time: when(now < c.c.opensAt ? c.c.opensAt : c.c.closesAt, me.locale, c.timeZone) });
	const id = await db()
		.transaction(async (tx) => {
			const form = await ensureForm(tx, callId);
			const [a] = await tx.insert(application).values({ callId, formId: form.id, applicantId: me.userId, organizationId: data.organizationId ?? null, startupName: data.startupName ?? '' }).returning();
			await audit(tx, actor, { action: 'application.start', siteId: c.siteId, targetType: 'application', targetId: a!.id });
			return a!.id;
		})
		.catch(exists);
	return toPublic(await appRow(id), now);
}

/** The applicant's application for a call that is not withdrawn, if any. */
export async function myApplicationFor(actor: Actor, callId: string): Promise<{ id: string; status: ApplicationStatus } | null> {
	if (actor.kind !== 'user' || !isUuid(callId)) return null;
	const [a] = await db().select({ id: application.id, status: application.status }).from(application).where(and(eq(application.callId, callId), eq(application.applicantId, actor.userId), sql`${application.status} <> 'withdrawn'`));
	return a ?? null;
}

export async function getApplication(actor: Actor, id: string, now = new Date()): Promise<PublicApplication> {
	const r = await appRow(id);
	const how = await access(actor, r);
	const a = await toPublic(r, now);
	return how === 'blind' ? blinded(a) : a;
}

/**
 * Save a draft: answers (checked by type, not yet for completeness), the organisation or new
 * startup's name, sector and region. Only given fields change.
 */
export async function saveApplication(actor: Actor, id: string, input: unknown, now = new Date()): Promise<PublicApplication> {
	const { me, r } = await editable(actor, id, now);
	const data = parse(zSaveApplication, input);
	const errors: FieldError[] = [];
	const changes: Partial<typeof application.$inferInsert> = {};
	if (data.answers !== undefined) {
		// Files are attached by upload, never by naming an id: keep the ones already attached.
		const fileKeys = fieldsOf(r.f.sections).filter((f) => f.type === 'file').map((f) => f.key);
		const given = { ...data.answers, ...Object.fromEntries(fileKeys.map((k) => [k, r.a.answers[k]])) };
		const checked = checkAnswers(r.f.sections, given, { submit: false });
		errors.push(...checked.errors);
		changes.answers = checked.answers;
	}
	const orgError = await checkOrganization(me, data.organizationId);
	if (orgError) errors.push(orgError);
	const province = data.provinceCode === undefined ? r.a.provinceCode : data.provinceCode;
	const regency = data.regencyCode === undefined ? r.a.regencyCode : data.regencyCode;
	if (province || regency) {
		const key = await checkRegion(province ?? '', regency ?? '');
		if (key) errors.push({ field: key === 'err_region_province' ? 'provinceCode' : 'regencyCode', key });
	}
	if (errors.length) throw new AppError('VALIDATION', 'err_validation', {}, errors);
	for (const k of ['organizationId', 'kbli', 'subsector', 'provinceCode', 'regencyCode'] as const) if (data[k] !== undefined) (changes as Record<string, unknown>)[k] = data[k];
	if (data.startupName !== undefined) changes.startupName = data.startupName ?? '';
	await db().transaction(async (tx) => {
		await tx.update(application).set({ ...changes, updatedAt: sql`now()` }).where(eq(application.id, id));
		await audit(tx, actor, { action: 'application.save', siteId: r.siteId, targetType: 'application', targetId: id });
	});
	return toPublic(await appRow(id), now);
}

/** A file as it arrives: its name, declared type and bytes. */
export interface FileUpload {
	name: string;
	type: string;
	data: Uint8Array;
}

/** A PDF starts with "%PDF-", whatever its name or declared type says. */

/** Attach a PDF to a file field of a draft, replacing the one it had. */
export async function uploadFile(actor: Actor, id: string, fieldKey: string, file: FileUpload | undefined, now = new Date()): Promise<PublicApplication> {
	const { r } = await editable(actor, id, now);
	const field = fieldsOf(r.f.sections).find((f) => f.key === fieldKey && f.type === 'file');
	const at = `answers.${fieldKey}`;
	if (!field) throw new AppError('VALIDATION', 'err_validation', {}, [{ field: 'field', key: 'err_field_unknown' }]);
	if (!file) throw new AppError('VALIDATION', 'err_validation', {}, [{ field: 'file', key: 'err_field_required' }]);
	const maxMb = maxMbOf(field);
	if (file.data.byteLength > maxMb * 1024 * 1024) throw new AppError('VALIDATION', 'err_validation', {}, [{ field: at, key: 'err_file_size', params: { mb: maxMb } }]);
	if (fileKind(file.data) !== 'application/pdf') throw new AppError('VALIDATION', 'err_validation', {}, [{ field: at, key: 'err_file_pdf' }]);
	const content = Buffer.from(file.data);
	const name = (file.name.split(/[\\/]/).pop() || 'dokumen.pdf').slice(0, 200);
	await db().transaction(async (tx) => {
		await tx.delete(applicationFile).where(and(eq(applicationFile.applicationId, id), eq(applicationFile.fieldKey, fieldKey)));
		const [f] = await tx.insert(applicationFile).values({ applicationId: id, fieldKey, name, mime: 'application/pdf', bytes: content.byteLength, sha256: sha256(content), content }).returning({ id: applicationFile.id });
		await tx.update(application).set({ answers: sql`${application.answers} || ${JSON.stringify({ [fieldKey]: f!.id })}::jsonb`, updatedAt: sql`now()` }).where(eq(application.id, id));
		await audit(tx, actor, { action: 'application.file', siteId: r.siteId, targetType: 'application', targetId: id, after: { field: fieldKey, bytes: content.byteLength } });
	});
	return toPublic(await appRow(id), now);
}

/** A file of an application, for whoever may read the application. */
export async function getFile(actor: Actor, applicationId: string, fileId: string): Promise<{ name: string; mime: string; content: Buffer }> {
	const r = await appRow(applicationId);
	await access(actor, r);
	if (!isUuid(fileId)) throw notFound('err_file_not_found');
	const [f] = await db().select().from(applicationFile).where(and(eq(applicationFile.id, fileId), eq(applicationFile.applicationId, applicationId)));
	if (!f) throw notFound('err_file_not_found');
	return { name: f.name, mime: f.mime, content: f.content };
}

/**
 * Submit before the call closes. Every shown required field, the organisation (or new startup's
 * name), the sector and the region must be given; a new startup is registered with the applicant
 * as its admin. The applicant gets a confirmation e-mail.
 */
export async function submitApplication(actor: Actor, id: string, now = new Date()): Promise<PublicApplication> {
	const { me, r } = await editable(actor, id, now);
	const { answers, errors } = checkAnswers(r.f.sections, r.a.answers, { submit: true });
	const fileIds = fieldsOf(r.f.sections).filter((f) => f.type === 'file' && answers[f.key]).map((f) => answers[f.key] as string);
	if (fileIds.length) {
		const found = await db().select({ id: applicationFile.id }).from(applicationFile).where(and(eq(applicationFile.applicationId, id), inArray(applicationFile.id, fileIds)));
		for (const f of fieldsOf(r.f.sections)) if (f.type === 'file' && answers[f.key] && !found.some((x) => x.id === answers[f.key])) errors.push({ field: `answers.${f.key}`, key: 'err_answer_file' });
	}
	if (!r.a.organizationId && !r.a.startupName) errors.push({ field: 'startupName', key: 'err_field_required' });
	for (const k of ['kbli', 'subsector', 'provinceCode', 'regencyCode'] as const) if (!r.a[k]) errors.push({ field: k, key: 'err_field_required' });
	if (errors.length) throw new AppError('VALIDATION', 'err_application_incomplete', {}, errors);
	await db()
		.transaction(async (tx) => {
			let orgId = r.a.organizationId;
			if (!orgId) orgId = await registerStartup(tx, me, r.a.startupName);
			const [done] = await tx
				.update(application)
				.set({ status: 'submitted', submittedAt: now, organizationId: orgId, answers, updatedAt: sql`now()` })
				.where(and(eq(application.id, id), eq(application.status, 'draft')))
				.returning({ id: application.id });
			if (!done) throw new AppError('CONFLICT', 'err_application_not_draft', { status: 'submitted' });
			await audit(tx, actor, { action: 'application.submit', siteId: r.siteId, targetType: 'application', targetId: id, after: { organizationId: orgId, formVersion: r.f.version } });
			await enqueue(tx, 'email', applicationMail(me.locale, 'submitted', { to: me.email, name: me.name, programme: r.programmeName, call: r.c.title, site: r.siteName, time: when(now, me.locale, r.timeZone) }));
		})
		.catch(exists);
	return toPublic(await appRow(id), now);
}

/** Register the startup named in an application, the applicant its first admin; a taken slug gets a suffix. */
async function registerStartup(tx: Tx, me: UserActor, name: string): Promise<string> {
	const base = slugify(name) || 'startup';
	for (let i = 0; ; i++) {
		const created = await insertOrg(tx, me, { name, slug: i === 0 ? base : `${base}-${crypto.randomBytes(2).toString('hex')}`, kind: 'startup' });
		if (created) return created.id;
	}
}

/** The applicant withdraws a draft or a submitted application; they may apply again afterwards. */
export async function withdrawApplication(actor: Actor, id: string, now = new Date()): Promise<PublicApplication> {
	const me = await requireUser(actor, Permission.ApplicationCreate);
	const r = await appRow(id);
	if (r.a.applicantId !== me.userId) {
		await audit(db(), actor, { action: Permission.ApplicationCreate.name, outcome: 'denied', siteId: r.siteId, targetType: 'application', targetId: id });
		throw notFound('err_application_not_found');
	}
	await db().transaction(async (tx) => {
		const [done] = await tx.update(application).set({ status: 'withdrawn', updatedAt: sql`now()` }).where(and(eq(application.id, id), inArray(application.status, ['draft', 'submitted']))).returning({ id: application.id });
		if (!done) throw new AppError('CONFLICT', 'err_application_not_draft', { status: r.a.status });
		await audit(tx, actor, { action: 'application.withdraw', siteId: r.siteId, targetType: 'application', targetId: id, before: { status: r.a.status } });
	});
	return toPublic(await appRow(id), now);
}

// ── Lists ──────────────────────────────────────────────────────────────────────────────────

export interface ApplicationSummary {
	id: string;
	status: ApplicationStatus;
	startup: string;
	organizationId: string | null;
	applicantName: string;
	applicantEmail: string;
	kbli: string | null;
	subsector: AppRow['subsector'];
	provinceCode: string | null;
	regencyCode: string | null;
	region: string;
	submittedAt: string | null;
	updatedAt: string;
}

/** A call's applications for its park's staff, submitted first by time of submission, then drafts. */
export async function listApplications(actor: Actor, callId: string, input: unknown, p: Page = zPage.parse({})): Promise<Paged<ApplicationSummary>> {
	const c = await callRow(callId);
	await requireAccess(actor, Permission.ApplicationRead, { siteId: c.siteId });
	const q = parse(zApplicationQuery, input);
	// Drafts sort after submissions: their key is the far future, then the id.
	const sortKey = sql<string>`coalesce(${application.submittedAt}, 'infinity'::timestamptz)`;
	const startup = sql<string>`coalesce(${organization.name}, nullif(${application.startupName}, ''), ${user.name})`;
	const me = actor.kind === 'user' ? actor.userId : '';
	const conditions: (SQL | undefined)[] = [
		eq(application.callId, callId),
		q.status ? eq(application.status, q.status) : undefined,
		q.stage === 'none' ? isNull(application.stageId) : q.stage ? eq(application.stageId, q.stage) : undefined,
		// A declared conflict hides the application from its declarer here too (lists and exports).
		sql`NOT EXISTS (SELECT 1 FROM ${reviewConflict} rc WHERE rc.application_id = ${application.id} AND rc.reviewer_id = ${me})`
	];
	if (q.q) conditions.push(or(ilike(organization.name, containsPattern(q.q)), ilike(application.startupName, containsPattern(q.q)), ilike(user.name, containsPattern(q.q))));
	const rows = await db()
		.select({ a: application, startup, applicantName: user.name, applicantEmail: user.email, sort: sql<string>`${sortKey}::text` })
		.from(application)
		.innerJoin(user, eq(user.id, application.applicantId))
		.leftJoin(organization, eq(organization.id, application.organizationId))
		.where(and(...conditions, afterCursor(sortKey, application.id, p.cursor)))
		.orderBy(asc(sortKey), asc(application.id))
		.limit(p.limit + 1);
	const r = await regions();
	const regencyName = new Map(r.regencies.map((g) => [g.code, g.name]));
	return page(
		rows,
		p.limit,
		(x) => [x.sort, x.a.id],
		(x) => ({
			id: x.a.id,
			status: x.a.status,
			startup: x.startup,
			organizationId: x.a.organizationId,
			applicantName: x.applicantName,
			applicantEmail: x.applicantEmail,
			kbli: x.a.kbli,
			subsector: x.a.subsector,
			provinceCode: x.a.provinceCode,
			regencyCode: x.a.regencyCode,
			region: x.a.regencyCode ? (regencyName.get(x.a.regencyCode) ?? x.a.regencyCode) : '',
			submittedAt: x.a.submittedAt?.toISOString() ?? null,
			updatedAt: x.a.updatedAt.toISOString()
		})
	);
}

/** Counts per status of a call's applications (the staff's call page). */
export async function applicationCounts(callIds: string[]): Promise<Record<string, Partial<Record<ApplicationStatus, number>>>> {
	if (!callIds.length) return {};
	const rows = await db().select({ callId: application.callId, status: application.status, n: sql<number>`count(*)::int` }).from(application).where(inArray(application.callId, callIds)).groupBy(application.callId, application.status);
	const out: Record<string, Partial<Record<ApplicationStatus, number>>> = {};
	for (const r of rows) (out[r.callId] ??= {})[r.status] = r.n;
	return out;
}

export interface MyApplication {
	id: string;
	status: ApplicationStatus;
	startup: string;
	callId: string;
	callTitle: string;
	programmeName: string;
	programmeSlug: string;
	siteName: string;
	siteSlug: string;
	timeZone: string;
	closesAt: string;
	submittedAt: string | null;
	updatedAt: string;
}

/** The signed-in person's applications, newest first. */
export async function myApplications(actor: Actor): Promise<MyApplication[]> {
	const me = await requireUser(actor, Permission.ProfileRead);
	const rows = await db()
		.select({ a: application, startup: sql<string>`coalesce(${organization.name}, nullif(${application.startupName}, ''), '')`, c: programmeCall, programmeName: programme.name, programmeSlug: programme.slug, siteName: host.siteName, siteSlug: host.siteSlug, timeZone: host.timeZone })
		.from(application)
		.innerJoin(programmeCall, eq(programmeCall.id, application.callId))
		.innerJoin(programme, eq(programme.id, programmeCall.programmeId))
		.leftJoin(site, eq(site.id, programme.siteId))
		.leftJoin(organization, eq(organization.id, application.organizationId))
		.where(eq(application.applicantId, me.userId))
		.orderBy(desc(application.updatedAt))
		.limit(200);
	return rows.map((x) => ({
		id: x.a.id,
		status: x.a.status,
		startup: x.startup,
		callId: x.c.id,
		callTitle: x.c.title,
		programmeName: x.programmeName,
		programmeSlug: x.programmeSlug,
		siteName: x.siteName,
		siteSlug: x.siteSlug,
		timeZone: x.timeZone,
		closesAt: x.c.closesAt.toISOString(),
		submittedAt: x.a.submittedAt?.toISOString() ?? null,
		updatedAt: x.a.updatedAt.toISOString()
	}));
}
