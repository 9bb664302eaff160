import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, numeric, pgEnum, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { site } from '../directory/schema.ts';
import { user } from '../auth/schema.ts';
import { booking, qualification, resource } from '../facilities/schema.ts';

export const courseLevels = ['beginner', 'intermediate', 'advanced'] as const;
export const courseLevel = pgEnum('course_level', courseLevels);

export const courseLanguages = ['id', 'en'] as const;
export const courseLanguage = pgEnum('course_language', courseLanguages);

/**
 * A course of the training catalogue: what is taught, by which partner, for how long, at what
 * price. A park's (its staff manage it), or the network's own when `site_id` is null.
 */
export const course = pgTable(
	'course',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		siteId: uuid('site_id').references(() => site.id, { onDelete: 'cascade' }),
		slug: text('slug').notNull(),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		/** The partner whose curriculum it is (Toon Boom, Intel, …); empty when the park's own. */
		provider: text('provider').notNull().default(''),
		/** Skills and competencies taught. */
		skills: jsonb('skills').$type<string[]>().notNull().default([]),
		level: courseLevel('level').notNull().default('beginner'),
		durationHours: integer('duration_hours').notNull(),
		prerequisites: text('prerequisites').notNull().default(''),
		/** Whole Rupiah; 0 is free. */
		priceIdr: bigint('price_idr', { mode: 'number' }).notNull().default(0),
		language: courseLanguage('language').notNull().default('id'),
		/** How long a certificate of this course stays valid (months); null: it does not expire. */
		validityMonths: integer('validity_months'),
		/** SKKNI competency units the course covers; its certificates list them as alignments. */
		skkni: jsonb('skkni').$type<{ code: string; title: string }[]>().notNull().default([]),
		/** A facilities qualification that a valid certificate of this course grants (an induction that opens equipment). */
		qualificationId: uuid('qualification_id').references(() => qualification.id, { onDelete: 'set null' }),
		/** Completion rule: the weighted score (0–100) to reach… */
		passMark: integer('pass_mark').notNull().default(70),
		/** …and the share of the class's sessions (percent) to attend. */
		minAttendance: integer('min_attendance').notNull().default(80),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [unique('course_site_slug').on(t.siteId, t.slug).nullsNotDistinct(), check('course_duration', sql`${t.durationHours} > 0`), check('course_price', sql`${t.priceIdr} >= 0`), check('course_pass_mark', sql`${t.passMark} BETWEEN 0 AND 100`), check('course_min_attendance', sql`${t.minAttendance} BETWEEN 0 AND 100`)]
);

/** A class (cohort) of a course: its seats, whether seats need approval, where it meets. */
export const trainingClass = pgTable(
	'training_class',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		courseId: uuid('course_id')
			.notNull()
			.references(() => course.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		capacity: integer('capacity').notNull(),
		/** Restricted: every request waits for staff approval before it takes a seat. */
		approvalRequired: boolean('approval_required').notNull().default(false),
		location: text('location').notNull().default(''),
		/** The park's room its on-site sessions are booked in (each session holds a booking of it). */
		roomId: uuid('room_id').references(() => resource.id, { onDelete: 'set null' }),
		onlineUrl: text('online_url'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [check('training_class_capacity', sql`${t.capacity} > 0`), index('training_class_course_idx').on(t.courseId)]
);

/** The people who teach a class. */
export const classTrainer = pgTable(
	'class_trainer',
	{
		classId: uuid('class_id')
			.notNull()
			.references(() => trainingClass.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.classId, t.userId] })]
);

/** One meeting of a class. */
export const classSession = pgTable(
	'class_session',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		classId: uuid('class_id')
			.notNull()
			.references(() => trainingClass.id, { onDelete: 'cascade' }),
		startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
		endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
		/** The secret in the session's QR code: participants who scan it during the session are marked present. */
		code: text('code').notNull().default(sql`replace(gen_random_uuid()::text, '-', '')`),
		/** The room booking that holds the session's room, when it meets on site. */
		bookingId: uuid('booking_id').references(() => booking.id, { onDelete: 'set null' })
	},
	(t) => [check('class_session_order', sql`${t.endsAt} > ${t.startsAt}`), index('class_session_class_idx').on(t.classId, t.startsAt)]
);

export const enrolmentStatuses = ['pending', 'enrolled', 'waitlisted', 'cancelled', 'declined'] as const;
export const enrolmentStatus = pgEnum('enrolment_status', enrolmentStatuses);

/**
 * A person's place in a class: waiting for approval, holding a seat, or on the waiting list (in
 * order of `queued_at`); cancelled and declined ones stay as history.
 */
export const enrolment = pgTable(
	'enrolment',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		classId: uuid('class_id')
			.notNull()
			.references(() => trainingClass.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		status: enrolmentStatus('status').notNull(),
		/** Why staff declined it. */
		reason: text('reason').notNull().default(''),
		/** The waiting list's order: when the request was made (approved requests keep theirs). */
		queuedAt: timestamp('queued_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('enrolment_once').on(t.classId, t.userId).where(sql`${t.status} IN ('pending', 'enrolled', 'waitlisted')`),
		index('enrolment_class_idx').on(t.classId, t.status, t.queuedAt),
		index('enrolment_user_idx').on(t.userId)
	]
);

export const componentKinds = ['test', 'practical', 'project'] as const;
export const componentKind = pgEnum('assessment_kind', componentKinds);

/** One part of a course's assessment (a test, a practical, a project) and its weight in the final score. */
export const assessmentComponent = pgTable(
	'assessment_component',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		courseId: uuid('course_id')
			.notNull()
			.references(() => course.id, { onDelete: 'cascade' }),
		kind: componentKind('kind').notNull(),
		title: text('title').notNull(),
		weight: integer('weight').notNull(),
		position: integer('position').notNull().default(0)
	},
	(t) => [check('assessment_component_weight', sql`${t.weight} > 0`), index('assessment_component_course_idx').on(t.courseId, t.position)]
);

export const attendanceMethods = ['list', 'qr'] as const;
export const attendanceMethod = pgEnum('attendance_method', attendanceMethods);

/** A person present at a session: ticked by a trainer on the list, or by scanning the session's QR code. Absent people have no row. */
export const attendance = pgTable(
	'attendance',
	{
		sessionId: uuid('session_id')
			.notNull()
			.references(() => classSession.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		method: attendanceMethod('method').notNull(),
		recordedBy: text('recorded_by').references(() => user.id, { onDelete: 'set null' }),
		recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.sessionId, t.userId] }), index('attendance_user_idx').on(t.userId)]
);

/** A participant's score (0–100) in one assessment component of a class. */
export const assessmentScore = pgTable(
	'assessment_score',
	{
		classId: uuid('class_id')
			.notNull()
			.references(() => trainingClass.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		componentId: uuid('component_id')
			.notNull()
			.references(() => assessmentComponent.id, { onDelete: 'restrict' }),
		score: numeric('score', { precision: 5, scale: 2, mode: 'number' }).notNull(),
		recordedBy: text('recorded_by').references(() => user.id, { onDelete: 'set null' }),
		recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.classId, t.userId, t.componentId] }), check('assessment_score_range', sql`${t.score} BETWEEN 0 AND 100`)]
);

/**
 * A signing key of an issuer: a park, or the network when `site_id` is null. The secret half is
 * stored encrypted (AES-256-GCM) with the credential key from configuration. Rotating adds a new
 * key and retires the old one from signing; every key stays published, so credentials signed
 * earlier still verify.
 */
export const issuerKey = pgTable(
	'issuer_key',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		siteId: uuid('site_id').references(() => site.id, { onDelete: 'restrict' }),
		/** The fragment of the verification method: `key-1`, `key-2`, … per issuer. */
		name: text('name').notNull(),
		publicKeyMultibase: text('public_key_multibase').notNull(),
		secretKey: text('secret_key').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		retiredAt: timestamp('retired_at', { withTimezone: true })
	},
	(t) => [unique('issuer_key_name').on(t.siteId, t.name).nullsNotDistinct(), uniqueIndex('issuer_key_current').on(sql`coalesce(${t.siteId}::text, '')`).where(sql`${t.retiredAt} IS NULL`)]
);

/**
 * An Open Badges 3.0 credential issued to a participant who completed a class: the signed
 * document as issued, its place on the issuer's status list, and its revocation.
 */
export const credential = pgTable(
	'credential',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		siteId: uuid('site_id').references(() => site.id, { onDelete: 'restrict' }),
		courseId: uuid('course_id')
			.notNull()
			.references(() => course.id, { onDelete: 'restrict' }),
		classId: uuid('class_id').references(() => trainingClass.id, { onDelete: 'set null' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		/** Position on the issuer's revocation list. */
		statusIndex: integer('status_index').notNull(),
		document: jsonb('document').$type<Record<string, unknown>>().notNull(),
		validFrom: timestamp('valid_from', { withTimezone: true }).notNull(),
		validUntil: timestamp('valid_until', { withTimezone: true }),
		issuedBy: text('issued_by').references(() => user.id, { onDelete: 'set null' }),
		revokedAt: timestamp('revoked_at', { withTimezone: true }),
		revokedReason: text('revoked_reason'),
		revokedBy: text('revoked_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [unique('credential_status_index').on(t.siteId, t.statusIndex).nullsNotDistinct(), uniqueIndex('credential_once').on(t.classId, t.userId), index('credential_user_idx').on(t.userId)]
);
