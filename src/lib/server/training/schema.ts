import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { site } from '../directory/schema.ts';
import { user } from '../auth/schema.ts';

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
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [unique('course_site_slug').on(t.siteId, t.slug).nullsNotDistinct(), check('course_duration', sql`${t.durationHours} > 0`), check('course_price', sql`${t.priceIdr} >= 0`)]
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
		endsAt: timestamp('ends_at', { withTimezone: true }).notNull()
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
