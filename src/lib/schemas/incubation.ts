import { z } from 'zod';
import { LIMITS, zName, zSlug, zTags, zText, optional, patchOf } from './common.ts';
import { applicationStatuses, creativeSubsectors, programmeKinds } from '../server/incubation/schema.ts';

/** ISO 8601 with an offset (2026-12-01T08:00:00+07:00 or …Z). */
const zInstant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

const programmeFields = {
	slug: zSlug,
	name: zName,
	kind: z.enum(programmeKinds),
	description: zText().default(''),
	eligibility: zText().default(''),
	benefits: zText().default(''),
	startsOn: z.iso.date(),
	endsOn: z.iso.date(),
	capacity: optional(z.coerce.number().int().min(1).max(10000)),
	planId: optional(z.uuid()),
	/** Mentoring hours each startup of the cohort may book; null for no limit. */
	mentoringHours: optional(z.coerce.number().int().min(0).max(1000))
};

export const zCreateProgramme = z.strictObject(programmeFields);
export type CreateProgramme = z.input<typeof zCreateProgramme>;
export const zUpdateProgramme = patchOf(programmeFields);

export const zProgrammeQuery = z.object({
	site: z.string().max(LIMITS.slug).optional(),
	/** Only programmes with a call open now. */
	open: z.enum(['1', 'true']).optional()
});

const callFields = { title: zName, description: zText().default(''), opensAt: zInstant, closesAt: zInstant };
export const zCreateCall = z.strictObject(callFields);
export const zUpdateCall = patchOf(callFields);

// ── Applications ───────────────────────────────────────────────────────────────────────────

const applicantFields = {
	/** Apply on behalf of one of your organisations … */
	organizationId: optional(z.uuid()),
	/** … or of a startup not yet in Taman: it is registered, with you as its admin, on submission. */
	startupName: optional(zName)
};

export const zStartApplication = z.strictObject(applicantFields);

export const zSaveApplication = z.strictObject({
	...applicantFields,
	/** Answers by field key; checked against the call's form (see schemas/forms.ts). */
	answers: z.record(z.string(), z.unknown()).optional(),
	kbli: optional(z.string().trim().regex(/^[0-9]{5}$/, 'err_field_kbli')),
	subsector: optional(z.enum(creativeSubsectors)),
	provinceCode: optional(z.string().trim().regex(/^[0-9]{2}$/, 'err_region_province')),
	regencyCode: optional(z.string().trim().regex(/^[0-9]{2}\.[0-9]{2}$/, 'err_region_regency'))
});
export type SaveApplication = z.input<typeof zSaveApplication>;

export const zApplicationQuery = z.object({
	status: z.enum(applicationStatuses).optional(),
	/** A review stage's id, or `none` for submitted applications not in a stage yet. */
	stage: z.union([z.uuid(), z.literal('none')]).optional(),
	/** Startup, organisation or applicant name. */
	q: z.string().trim().max(LIMITS.name).optional()
});

/** The multipart fields of a file upload besides the file itself. */
export const zUploadFile = z.object({ field: z.string().max(40) });

// ── Review ─────────────────────────────────────────────────────────────────────────────────

const zCriterion = z.strictObject({
	key: z.string().trim().regex(/^[a-z][a-z0-9_]{0,39}$/, 'err_form_key'),
	name: zName,
	description: zText(LIMITS.short).default(''),
	weight: z.coerce.number().int().min(1).max(100),
	scaleMax: z.coerce.number().int().min(1).max(100)
});

const stageFields = {
	name: zName,
	blind: z.boolean().default(false),
	criteria: z
		.array(zCriterion)
		.min(1)
		.max(20)
		.refine((c) => new Set(c.map((x) => x.key)).size === c.length, 'err_form_key_taken'),
	commentRequired: z.boolean().default(false),
	reviewersPerApplication: z.coerce.number().int().min(1).max(20).default(2)
};
/** A review stage with its rubric; stages follow one another in the order they are made. */
export const zCreateStage = z.strictObject(stageFields);
export const zUpdateStage = patchOf(stageFields);

const zIds = z.array(z.uuid()).min(1).max(2000);
/** Move submitted applications into a stage of the same call, or decide them. */
export const zMoveApplications = z.strictObject({ applicationIds: zIds, to: z.union([z.uuid(), z.enum(['accepted', 'rejected'])]), notify: z.boolean().default(true) });
/** Assign one reviewer to applications of a stage, or (`auto`) give each application the stage's number of reviewers. */
export const zAssignReviewers = z.union([z.strictObject({ applicationIds: zIds, reviewerId: z.string().min(1).max(100) }), z.strictObject({ auto: z.literal(true) })]);

export const zUnassignReviewer = z.strictObject({ applicationIds: zIds, reviewerId: z.string().min(1).max(100) });
export const zScoreReview = z.strictObject({ scores: z.record(z.string(), z.coerce.number().int().min(0).max(100)), comment: zText().default('') });
export const zDeclareConflict = z.strictObject({ reason: zText(LIMITS.short).default('') });
export const zRankingQuery = z.object({ normalise: z.enum(['1', 'true', '0', 'false']).optional() });

// Line breaks as browsers send them (CRLF) are kept as \n.
const zMailText = z.strictObject({ subject: z.string().trim().min(1).max(200), body: z.string().trim().min(1).max(5000).transform((b) => b.replace(/\r\n?/g, '\n')) });
const zMailPair = z.strictObject({ id: zMailText, en: zMailText });
/** A call's decision e-mails, each in both languages; `{name}`, `{programme}` … are filled in when sent. */
export const zMailTemplates = z.strictObject({ advanced: zMailPair, accepted: zMailPair, rejected: zMailPair });

// ── Cohort life ────────────────────────────────────────────────────────────────────────────

const zKey = z.string().trim().regex(/^[a-z][a-z0-9_]{0,39}$/, 'err_form_key');
const zUnique = <T extends { key: string }>(a: T[]) => new Set(a.map((x) => x.key)).size === a.length;

export const zMilestoneStep = z.strictObject({ title: zName, description: zText(LIMITS.short).default(''), dueAfterDays: z.coerce.number().int().min(0).max(3650) });
/** A programme's milestone template: the plan each startup gets when it joins the cohort. */
export const zMilestoneTemplate = z.strictObject({ steps: z.array(zMilestoneStep).max(30) });
/** Add a startup to a cohort by hand (one that joined before the park used Taman, or without a call). */
export const zAddCohortMember = z.strictObject({ organizationId: z.uuid(), startsOn: optional(z.iso.date()) });
const milestoneFields = { title: zName, description: zText(LIMITS.short).default(''), dueOn: z.iso.date() };
export const zCreateMilestone = z.strictObject(milestoneFields);
export const zUpdateMilestone = patchOf(milestoneFields);
export const zSubmitMilestone = z.strictObject({ note: zText().default('') });
export const zSignOffMilestone = z
	.strictObject({ decision: z.enum(['approved', 'changes_requested']), comment: zText().default('') })
	.refine((d) => d.decision === 'approved' || d.comment.length > 0, { path: ['comment'], message: 'err_comment_required' });
/** A link as evidence (a demo video, a store listing, a signed contract in a shared drive). */
export const zEvidenceLink = z.strictObject({ name: zName, url: z.url({ protocol: /^https?$/ }).max(LIMITS.url) });

const zKpiMetric = z.strictObject({
	key: zKey,
	label: z.strictObject({ id: zName, en: zName }),
	type: z.enum(['money', 'count', 'text']),
	required: z.boolean().default(false)
});
export const zKpiForm = z.strictObject({
	frequency: z.enum(['monthly', 'quarterly']).default('monthly'),
	dueDay: z.coerce.number().int().min(1).max(28).default(10),
	metrics: z.array(zKpiMetric).min(1).max(30).refine(zUnique, 'err_form_key_taken')
});
export const zKpiReport = z.strictObject({ values: z.record(z.string(), z.union([z.number(), z.string().max(LIMITS.long)])) });

// ── Mentoring ──────────────────────────────────────────────────────────────────────────────

const zClock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'err_field_format');
export const zMentorProfile = z.strictObject({
	headline: zText(LIMITS.name).default(''),
	bio: zText().default(''),
	expertise: zTags.default([]),
	languages: z.array(z.string().trim().regex(/^[a-z]{2,3}$/, 'err_field_format')).min(1).max(10).default(['id']),
	organizationId: optional(z.uuid()),
	timeZone: z.enum(['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura', 'Asia/Singapore', 'Asia/Kuala_Lumpur', 'Asia/Tokyo', 'Europe/Amsterdam', 'UTC']).default('Asia/Jakarta'),
	active: z.boolean().default(true)
});
const zWindow = z
	.strictObject({
		weekday: z.coerce.number().int().min(1).max(7),
		startsAt: zClock,
		endsAt: zClock,
		slotMinutes: z.coerce.number().int().min(15).max(240).default(60),
		online: z.boolean().default(true),
		siteId: optional(z.uuid())
	})
	.refine((w) => w.endsAt > w.startsAt, { path: ['endsAt'], message: 'err_office_hours_order' })
	.refine((w) => w.online || !!w.siteId, { path: ['siteId'], message: 'err_office_hours_nowhere' });
/** A mentor's weekly office hours, in their own zone. */
export const zOfficeHours = z.strictObject({ hours: z.array(zWindow).max(50) });
export const zSlotQuery = z.object({ days: z.coerce.number().int().min(1).max(60).default(14) });
/** Book a slot: for a startup of a cohort, online (a Jitsi Meet room) or on site (a meeting room of the park). */
export const zBookSession = z.strictObject({
	mentorId: z.string().min(1).max(100),
	memberId: z.uuid(),
	startsAt: zInstant,
	mode: z.enum(['online', 'on_site']).default('online'),
	resourceId: optional(z.uuid()),
	team: z.boolean().default(false),
	topic: zText(LIMITS.short).default('')
});
export const zSessionNotes = z.strictObject({ notes: zText().default(''), actionItems: z.array(z.strictObject({ text: zText(LIMITS.short).min(1), done: z.boolean().default(false) })).max(30).default([]) });
export const zSessionFeedback = z.strictObject({ rating: z.coerce.number().int().min(1).max(5), comment: zText().default('') });
export const zMentorQuery = z.object({ site: z.string().max(LIMITS.slug).optional(), q: z.string().trim().max(LIMITS.name).optional() });
