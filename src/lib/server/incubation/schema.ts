import { sql } from 'drizzle-orm';
import { pgTable, pgEnum, text, uuid, timestamp, date, integer, index, unique, uniqueIndex, check, jsonb, boolean, doublePrecision, type AnyPgColumn, primaryKey } from 'drizzle-orm/pg-core';
import { organization, site } from '../directory/schema.ts';
import { user } from '../auth/schema.ts';
import type { FormSection } from '../../schemas/forms.ts';
import type { MailTemplates } from '../../mail-template.ts';
import { booking, bytea, plan } from '../facilities/schema.ts';

/** A step of a programme's milestone template: due `dueAfterDays` days after the startup's start. */
export interface MilestoneStep {
	title: string;
	description: string;
	dueAfterDays: number;
}

export const programmeKinds = ['incubation', 'acceleration', 'pre_incubation', 'internship'] as const;
export const programmeKind = pgEnum('programme_kind', programmeKinds);

/** A park's programme: incubation, acceleration, a pre-incubation bootcamp or an internship. */
export const programme = pgTable(
	'programme',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		/** The park that runs it; null when the network itself does (managed by network admins, WIB). */
		siteId: uuid('site_id').references(() => site.id, { onDelete: 'cascade' }),
		slug: text('slug').notNull(),
		name: text('name').notNull(),
		kind: programmeKind('kind').notNull(),
		description: text('description').notNull().default(''),
		eligibility: text('eligibility').notNull().default(''),
		benefits: text('benefits').notNull().default(''),
		/** Local dates of the park: the cohort's run. */
		startsOn: date('starts_on').notNull(),
		endsOn: date('ends_on').notNull(),
		/** How many startups a cohort takes; null when not limited. */
		capacity: integer('capacity'),
		/** A facilities plan the programme's startups receive (hours of rooms and studios). */
		planId: uuid('plan_id').references(() => plan.id, { onDelete: 'set null' }),
		/** The milestones every startup of the cohort gets when it joins, due some days after the start. */
		milestoneTemplate: jsonb('milestone_template').$type<MilestoneStep[]>().notNull().default([]),
		/** Hours of mentoring each startup of the cohort may book; null when not limited. */
		mentoringHours: integer('mentoring_hours').default(10),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [unique('programme_site_slug').on(t.siteId, t.slug).nullsNotDistinct(), check('programme_network_plan', sql`${t.siteId} IS NOT NULL OR ${t.planId} IS NULL`), check('programme_dates', sql`${t.endsOn} >= ${t.startsOn}`), check('programme_capacity', sql`${t.capacity} IS NULL OR ${t.capacity} > 0`)]
);

/** A call for applications to a programme, open between two instants (set in the park's zone). */
export const programmeCall = pgTable(
	'programme_call',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		programmeId: uuid('programme_id')
			.notNull()
			.references(() => programme.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
		closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
		/** Decision e-mails worded by the call's staff (only what differs from the built-in text). */
		mailTemplates: jsonb('mail_templates').$type<MailTemplates>().notNull().default({}),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('programme_call_programme_idx').on(t.programmeId), index('programme_call_closes_idx').on(t.closesAt), check('programme_call_window', sql`${t.closesAt} > ${t.opensAt}`)]
);

/**
 * One version of a call's application form. The latest version is the one applicants fill in;
 * an application keeps the version it was submitted against, so a later change to the form never
 * alters what was submitted. `sections` holds the fields (see schemas/incubation.ts `zFormSections`).
 */
export const applicationForm = pgTable(
	'application_form',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		callId: uuid('call_id')
			.notNull()
			.references(() => programmeCall.id, { onDelete: 'cascade' }),
		version: integer('version').notNull(),
		sections: jsonb('sections').$type<FormSection[]>().notNull(),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [unique('application_form_call_version').on(t.callId, t.version)]
);

export const applicationStatuses = ['draft', 'submitted', 'withdrawn', 'accepted', 'rejected'] as const;
export const applicationStatus = pgEnum('application_status', applicationStatuses);

/** The creative-economy subsectors (Kemenparekraf's seventeen). */
export const creativeSubsectors = [
	'app',
	'game',
	'film_animation_video',
	'music',
	'publishing',
	'advertising',
	'tv_radio',
	'photography',
	'visual_communication_design',
	'product_design',
	'interior_design',
	'architecture',
	'fashion',
	'craft',
	'culinary',
	'performing_arts',
	'fine_arts'
] as const;
export const creativeSubsector = pgEnum('creative_subsector', creativeSubsectors);

/**
 * A startup's application to a call: made by a person, on behalf of one of their organisations or
 * of a startup that does not exist in Taman yet (`startupName`, registered on submission).
 */
export const application = pgTable(
	'application',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		callId: uuid('call_id')
			.notNull()
			.references(() => programmeCall.id, { onDelete: 'cascade' }),
		formId: uuid('form_id')
			.notNull()
			.references(() => applicationForm.id),
		applicantId: text('applicant_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		organizationId: uuid('organization_id').references(() => organization.id, { onDelete: 'set null' }),
		startupName: text('startup_name').notNull().default(''),
		status: applicationStatus('status').notNull().default('draft'),
		answers: jsonb('answers').$type<Record<string, unknown>>().notNull().default({}),
		/** KBLI 2020, five digits. */
		kbli: text('kbli'),
		subsector: creativeSubsector('subsector'),
		/** Kemendagri codes of the startup's province and regency/city. */
		provinceCode: text('province_code'),
		regencyCode: text('regency_code'),
		submittedAt: timestamp('submitted_at', { withTimezone: true }),
		/** The review stage a submitted application is in; null before the first and after a decision. */
		stageId: uuid('stage_id').references((): AnyPgColumn => reviewStage.id, { onDelete: 'set null' }),
		decidedAt: timestamp('decided_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('application_stage_idx').on(t.stageId),
		index('application_call_idx').on(t.callId, t.status),
		index('application_applicant_idx').on(t.applicantId),
		uniqueIndex('application_one_per_applicant').on(t.callId, t.applicantId).where(sql`${t.status} <> 'withdrawn'`),
		uniqueIndex('application_one_per_org').on(t.callId, t.organizationId).where(sql`${t.status} <> 'withdrawn' AND ${t.organizationId} IS NOT NULL`)
	]
);

/** A file answered to a file field (a pitch deck as PDF). Kept in PostgreSQL, like photos. */
export const applicationFile = pgTable(
	'application_file',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		applicationId: uuid('application_id')
			.notNull()
			.references(() => application.id, { onDelete: 'cascade' }),
		fieldKey: text('field_key').notNull(),
		name: text('name').notNull(),
		mime: text('mime').notNull(),
		bytes: integer('bytes').notNull(),
		sha256: text('sha256').notNull(),
		content: bytea('content').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('application_file_application_idx').on(t.applicationId)]
);

/** A criterion of a stage's rubric: scored 0..scaleMax, weighted in the reviewer's total. */
export interface Criterion {
	key: string;
	name: string;
	description: string;
	weight: number;
	scaleMax: number;
}

/**
 * A stage of a call's review (administrative screening, desk review, pitch interview …) with its
 * rubric. In blind mode its reviewers never see who applied.
 */
export const reviewStage = pgTable(
	'review_stage',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		callId: uuid('call_id')
			.notNull()
			.references(() => programmeCall.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		name: text('name').notNull(),
		blind: boolean('blind').notNull().default(false),
		criteria: jsonb('criteria').$type<Criterion[]>().notNull().default([]),
		commentRequired: boolean('comment_required').notNull().default(false),
		/** How many reviewers automatic assignment gives each application. */
		reviewersPerApplication: integer('reviewers_per_application').notNull().default(2),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [unique('review_stage_call_position').on(t.callId, t.position), check('review_stage_k', sql`${t.reviewersPerApplication} BETWEEN 1 AND 20`)]
);

/** A reviewer's review of one application at one stage: scores per criterion once submitted. */
export const reviewAssignment = pgTable(
	'review_assignment',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		applicationId: uuid('application_id')
			.notNull()
			.references(() => application.id, { onDelete: 'cascade' }),
		stageId: uuid('stage_id')
			.notNull()
			.references(() => reviewStage.id, { onDelete: 'cascade' }),
		reviewerId: text('reviewer_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		scores: jsonb('scores').$type<Record<string, number>>(),
		comment: text('comment').notNull().default(''),
		/** Weighted total, 0–100. */
		total: doublePrecision('total'),
		submittedAt: timestamp('submitted_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [unique('review_assignment_once').on(t.applicationId, t.stageId, t.reviewerId), index('review_assignment_reviewer_idx').on(t.reviewerId, t.stageId), index('review_assignment_stage_idx').on(t.stageId)]
);

/** A reviewer's declared conflict of interest: they never see that application again. */
export const reviewConflict = pgTable(
	'review_conflict',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		applicationId: uuid('application_id')
			.notNull()
			.references(() => application.id, { onDelete: 'cascade' }),
		reviewerId: text('reviewer_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		reason: text('reason').notNull().default(''),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [unique('review_conflict_once').on(t.applicationId, t.reviewerId), index('review_conflict_reviewer_idx').on(t.reviewerId)]
);

// ── Cohort life ────────────────────────────────────────────────────────────────────────────

/**
 * A startup in a programme's cohort: joined by an accepted application, or added by staff (a
 * cohort that began before the park used Taman). It is a tenant of the park for the run.
 */
export const cohortMember = pgTable(
	'cohort_member',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		programmeId: uuid('programme_id')
			.notNull()
			.references(() => programme.id, { onDelete: 'cascade' }),
		organizationId: uuid('organization_id')
			.notNull()
			.references(() => organization.id, { onDelete: 'cascade' }),
		applicationId: uuid('application_id').references(() => application.id, { onDelete: 'set null' }),
		/** The park's local date the startup's plan counts from: the programme's start, or later for a late joiner. */
		startsOn: date('starts_on').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [unique('cohort_member_once').on(t.programmeId, t.organizationId), index('cohort_member_org_idx').on(t.organizationId)]
);

export const milestoneStatuses = ['open', 'submitted', 'approved', 'changes_requested'] as const;
export const milestoneStatus = pgEnum('milestone_status', milestoneStatuses);

/** One milestone of a startup's plan: due on a local date, evidenced by the startup, signed off by staff. */
export const milestone = pgTable(
	'milestone',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		memberId: uuid('member_id')
			.notNull()
			.references(() => cohortMember.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		dueOn: date('due_on').notNull(),
		status: milestoneStatus('status').notNull().default('open'),
		/** The startup's word when it asks for sign-off. */
		note: text('note').notNull().default(''),
		submittedAt: timestamp('submitted_at', { withTimezone: true }),
		submittedBy: text('submitted_by').references(() => user.id, { onDelete: 'set null' }),
		reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
		reviewedBy: text('reviewed_by').references(() => user.id, { onDelete: 'set null' }),
		reviewComment: text('review_comment').notNull().default(''),
		/** When the last overdue reminder went out; another follows a week later. */
		remindedAt: timestamp('reminded_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('milestone_member_idx').on(t.memberId, t.position), index('milestone_due_idx').on(t.dueOn).where(sql`${t.status} IN ('open', 'changes_requested')`)]
);

/** Evidence of a milestone: a file (PDF or image) kept in PostgreSQL, or a link. */
export const milestoneEvidence = pgTable(
	'milestone_evidence',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		milestoneId: uuid('milestone_id')
			.notNull()
			.references(() => milestone.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		url: text('url'),
		mime: text('mime'),
		bytes: integer('bytes'),
		sha256: text('sha256'),
		content: bytea('content'),
		uploadedBy: text('uploaded_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('milestone_evidence_milestone_idx').on(t.milestoneId), check('milestone_evidence_one', sql`(${t.url} IS NULL) <> (${t.content} IS NULL)`)]
);

export const kpiFrequencies = ['monthly', 'quarterly'] as const;
export const kpiFrequency = pgEnum('kpi_frequency', kpiFrequencies);

/** A measure on a KPI report: money in whole Rupiah, a count, or free text. */
export interface KpiMetric {
	key: string;
	label: { id: string; en: string };
	type: 'money' | 'count' | 'text';
	required: boolean;
}

/** A programme's KPI report form: what startups report, how often, and by which day after the period. */
export const kpiForm = pgTable('kpi_form', {
	programmeId: uuid('programme_id')
		.primaryKey()
		.references(() => programme.id, { onDelete: 'cascade' }),
	frequency: kpiFrequency('frequency').notNull().default('monthly'),
	/** A period's report is due on this day of the month after it ends. */
	dueDay: integer('due_day').notNull().default(10),
	metrics: jsonb('metrics').$type<KpiMetric[]>().notNull(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

/** A startup's KPI report for one period (the period's first day). Values by metric key. */
export const kpiReport = pgTable(
	'kpi_report',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		memberId: uuid('member_id')
			.notNull()
			.references(() => cohortMember.id, { onDelete: 'cascade' }),
		period: date('period').notNull(),
		values: jsonb('values').$type<Record<string, number | string>>().notNull(),
		submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
		submittedBy: text('submitted_by').references(() => user.id, { onDelete: 'set null' }),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [unique('kpi_report_once').on(t.memberId, t.period)]
);

/** Reminders already sent, so a worker round (or two workers) never sends one twice. */
export const reminderSent = pgTable(
	'reminder_sent',
	{
		subjectId: uuid('subject_id').notNull(),
		key: text('key').notNull(),
		sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.subjectId, t.key] })]
);

// ── Mentoring ──────────────────────────────────────────────────────────────────────────────

/**
 * A mentor's profile: who they are and what they know. A person mentors at the parks where they
 * hold the `mentor` role; the profile is theirs to edit and is public while `active`.
 */
export const mentorProfile = pgTable('mentor_profile', {
	userId: text('user_id')
		.primaryKey()
		.references(() => user.id, { onDelete: 'cascade' }),
	headline: text('headline').notNull().default(''),
	bio: text('bio').notNull().default(''),
	expertise: text('expertise').array().notNull().default(sql`'{}'::text[]`),
	/** Languages the mentor works in (BCP 47: id, en, jv, su …). */
	languages: text('languages').array().notNull().default(sql`'{id}'::text[]`),
	organizationId: uuid('organization_id').references(() => organization.id, { onDelete: 'set null' }),
	/** The zone the mentor's office hours are written in. */
	timeZone: text('time_zone').notNull().default('Asia/Jakarta'),
	active: boolean('active').notNull().default(true),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

export const sessionModes = ['online', 'on_site'] as const;
export const sessionMode = pgEnum('session_mode', sessionModes);

/** A weekly window a mentor offers, in their own zone, cut into slots of `slotMinutes`. */
export const officeHours = pgTable(
	'office_hours',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		mentorId: text('mentor_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		/** ISO weekday, 1 = Monday. */
		weekday: integer('weekday').notNull(),
		startsAt: text('starts_at').notNull(),
		endsAt: text('ends_at').notNull(),
		slotMinutes: integer('slot_minutes').notNull().default(60),
		/** Online only, on site only (at `siteId`), or either. */
		online: boolean('online').notNull().default(true),
		siteId: uuid('site_id').references(() => site.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('office_hours_mentor_idx').on(t.mentorId), check('office_hours_weekday', sql`${t.weekday} BETWEEN 1 AND 7`), check('office_hours_slot', sql`${t.slotMinutes} BETWEEN 15 AND 240`)]
);

export const sessionStatuses = ['booked', 'cancelled'] as const;
export const sessionStatus = pgEnum('session_status', sessionStatuses);

export interface ActionItem {
	text: string;
	done: boolean;
}

/**
 * A mentoring session: a mentor with a cohort startup (one person, or the team), online in a
 * generated Jitsi Meet room or on site in a meeting room really booked through the facilities
 * service. A mentor is never in two sessions at once (exclusion constraint).
 */
export const mentorSession = pgTable(
	'mentor_session',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		mentorId: text('mentor_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		memberId: uuid('member_id')
			.notNull()
			.references(() => cohortMember.id, { onDelete: 'cascade' }),
		bookedBy: text('booked_by').references(() => user.id, { onDelete: 'set null' }),
		team: boolean('team').notNull().default(false),
		topic: text('topic').notNull().default(''),
		startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
		endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
		mode: sessionMode('mode').notNull(),
		meetingUrl: text('meeting_url'),
		bookingId: uuid('booking_id').references(() => booking.id, { onDelete: 'set null' }),
		status: sessionStatus('status').notNull().default('booked'),
		notes: text('notes').notNull().default(''),
		actionItems: jsonb('action_items').$type<ActionItem[]>().notNull().default([]),
		mentorRating: integer('mentor_rating'),
		mentorFeedback: text('mentor_feedback').notNull().default(''),
		startupRating: integer('startup_rating'),
		startupFeedback: text('startup_feedback').notNull().default(''),
		remindedAt: timestamp('reminded_at', { withTimezone: true }),
		cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('mentor_session_member_idx').on(t.memberId),
		index('mentor_session_mentor_idx').on(t.mentorId, t.startsAt),
		check('mentor_session_time', sql`${t.endsAt} > ${t.startsAt}`),
		check('mentor_session_ratings', sql`coalesce(${t.mentorRating}, 1) BETWEEN 1 AND 5 AND coalesce(${t.startupRating}, 1) BETWEEN 1 AND 5`)
	]
);
