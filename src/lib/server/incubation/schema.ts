import { sql } from 'drizzle-orm';
import { pgTable, pgEnum, text, uuid, timestamp, date, integer, index, unique, check } from 'drizzle-orm/pg-core';
import { site } from '../directory/schema.ts';
import { plan } from '../facilities/schema.ts';

export const programmeKinds = ['incubation', 'acceleration', 'pre_incubation', 'internship'] as const;
export const programmeKind = pgEnum('programme_kind', programmeKinds);

/** A park's programme: incubation, acceleration, a pre-incubation bootcamp or an internship. */
export const programme = pgTable(
	'programme',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		siteId: uuid('site_id')
			.notNull()
			.references(() => site.id, { onDelete: 'cascade' }),
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
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [unique('programme_site_slug').on(t.siteId, t.slug), check('programme_dates', sql`${t.endsOn} >= ${t.startsOn}`), check('programme_capacity', sql`${t.capacity} IS NULL OR ${t.capacity} > 0`)]
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
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('programme_call_programme_idx').on(t.programmeId), index('programme_call_closes_idx').on(t.closesAt), check('programme_call_window', sql`${t.closesAt} > ${t.opensAt}`)]
);
