import { sql } from 'drizzle-orm';
import { pgTable, pgEnum, text, uuid, timestamp, date, integer, bigint, bigserial, boolean, index, unique, uniqueIndex, check, customType } from 'drizzle-orm/pg-core';
import { user } from '../auth/schema.ts';
import { site, organization, roleEnum } from '../directory/schema.ts';

/** PostgreSQL `tstzrange`, read and written as '[start,end)' text. */
export const tstzrange = customType<{ data: string }>({ dataType: () => 'tstzrange' });

export const resourceClasses = ['space', 'equipment', 'compute'] as const;
export const resourceClass = pgEnum('resource_class', resourceClasses);

/** Kinds of resource, each belonging to one class; booking defaults are set per kind. */
export const resourceKinds = {
	hall: 'space',
	meeting_room: 'space',
	coworking_desk: 'space',
	production_floor: 'space',
	studio_animation: 'space',
	studio_film: 'space',
	studio_sound: 'space',
	studio_podcast: 'space',
	camera: 'equipment',
	mocap_stage: 'equipment',
	vr_kit: 'equipment',
	printer_3d: 'equipment',
	laptop: 'equipment',
	server: 'compute',
	gpu_workstation: 'compute',
	render_node: 'compute'
} as const;
export type ResourceKind = keyof typeof resourceKinds;
export const resourceKindList = Object.keys(resourceKinds) as ResourceKind[];
export const resourceKind = pgEnum('resource_kind', resourceKindList as [ResourceKind, ...ResourceKind[]]);

/** Who may book: members of the site (any role there), its tenant organisations, or anyone signed in. */
/** Who may book: anyone with a role at the park, its active tenants' people, holders of named roles there, or anyone signed in. */
export const bookableBys = ['site_members', 'tenants', 'roles', 'public'] as const;
/** What a park can default new facilities to (naming roles is done per facility). */
export const defaultBookableBys = ['site_members', 'tenants', 'public'] as const;
export const bookableBy = pgEnum('bookable_by', bookableBys);

export const conditions = ['new', 'good', 'fair', 'needs_repair', 'retired'] as const;
export const condition = pgEnum('asset_condition', conditions);

export const qualification = pgTable('qualification', {
	id: uuid('id').primaryKey().defaultRandom(),
	/** NULL: valid across the network. */
	siteId: uuid('site_id').references(() => site.id, { onDelete: 'cascade' }),
	name: text('name').notNull(),
	description: text('description').notNull().default(''),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});

export const personQualification = pgTable(
	'person_qualification',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		qualificationId: uuid('qualification_id')
			.notNull()
			.references(() => qualification.id, { onDelete: 'cascade' }),
		grantedBy: text('granted_by').references(() => user.id, { onDelete: 'set null' }),
		grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
		revokedAt: timestamp('revoked_at', { withTimezone: true })
	},
	(t) => [index('person_qualification_user_idx').on(t.userId)]
);

export const resource = pgTable(
	'resource',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		siteId: uuid('site_id')
			.notNull()
			.references(() => site.id, { onDelete: 'cascade' }),
		slug: text('slug').notNull(),
		name: text('name').notNull(),
		kind: resourceKind('kind').notNull(),
		class: resourceClass('class').notNull(),
		location: text('location').notNull().default(''),
		capacity: integer('capacity').notNull().default(1),
		description: text('description').notNull().default(''),
		tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
		// Asset record (equipment and compute).
		assetTag: text('asset_tag'),
		serialNumber: text('serial_number'),
		fundingSource: text('funding_source'),
		acquiredOn: date('acquired_on'),
		condition: condition('condition'),
		// Booking rules.
		slotMinutes: integer('slot_minutes').notNull().default(30),
		minMinutes: integer('min_minutes').notNull().default(30),
		maxMinutes: integer('max_minutes').notNull().default(480),
		noticeMinutes: integer('notice_minutes').notNull().default(0),
		maxDaysAhead: integer('max_days_ahead').notNull().default(60),
		bufferMinutes: integer('buffer_minutes').notNull().default(0),
		bookableBy: bookableBy('bookable_by').notNull().default('site_members'),
		/** With bookableBy 'roles': the park roles whose holders may book it. */
		bookableRoles: roleEnum('bookable_roles').array().notNull().default(sql`'{}'`),
		approvalRequired: boolean('approval_required').notNull().default(false),
		/** Shared: parallel bookings up to `capacity` seats; otherwise one booking at a time. */
		shared: boolean('shared').notNull().default(false),
		creditsPerHour: integer('credits_per_hour').notNull().default(0),
		/** Open around the clock (servers, render nodes) instead of the site's opening hours. */
		alwaysOpen: boolean('always_open').notNull().default(false),
		qualificationId: uuid('qualification_id').references(() => qualification.id, { onDelete: 'set null' }),
		active: boolean('active').notNull().default(true),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		unique('resource_site_slug').on(t.siteId, t.slug),
		index('resource_site_idx').on(t.siteId, t.kind),
		check('resource_capacity_positive', sql`${t.capacity} >= 1`),
		check('resource_durations', sql`${t.slotMinutes} >= 5 AND ${t.minMinutes} >= ${t.slotMinutes} AND ${t.maxMinutes} >= ${t.minMinutes}`)
	]
);

export const bookingStatuses = ['pending', 'confirmed', 'checked_in', 'cancelled', 'declined', 'released'] as const;
export const bookingStatus = pgEnum('booking_status', bookingStatuses);
/** Statuses that hold the slot: the exclusion constraint and capacity checks count only these. */
export const holdingStatuses = ['pending', 'confirmed', 'checked_in'] as const;

export const booking = pgTable(
	'booking',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		resourceId: uuid('resource_id')
			.notNull()
			.references(() => resource.id, { onDelete: 'cascade' }),
		siteId: uuid('site_id')
			.notNull()
			.references(() => site.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		orgId: uuid('org_id').references(() => organization.id, { onDelete: 'set null' }),
		title: text('title').notNull().default(''),
		startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
		endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
		/** [starts_at, ends_at + buffer): what the booking keeps from others. Maintained by the service. */
		held: tstzrange('held').notNull(),
		/** Copied from the resource when booked: exclusive bookings are guarded by the exclusion constraint. */
		exclusive: boolean('exclusive').notNull(),
		seats: integer('seats').notNull().default(1),
		status: bookingStatus('status').notNull(),
		seriesId: uuid('series_id'),
		decidedBy: text('decided_by').references(() => user.id, { onDelete: 'set null' }),
		decisionReason: text('decision_reason'),
		checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
		cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
		/** When the reminder e-mail before the start was queued. */
		remindedAt: timestamp('reminded_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('booking_resource_idx').on(t.resourceId, t.startsAt),
		index('booking_user_idx').on(t.userId, t.startsAt),
		index('booking_site_status_idx').on(t.siteId, t.status),
		check('booking_range', sql`${t.endsAt} > ${t.startsAt}`),
		check('booking_seats', sql`${t.seats} >= 1`)
	]
);

/** Staff block a resource (or, with no resource, the whole site) for maintenance or an event. */
export const blackout = pgTable(
	'blackout',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		siteId: uuid('site_id')
			.notNull()
			.references(() => site.id, { onDelete: 'cascade' }),
		resourceId: uuid('resource_id').references(() => resource.id, { onDelete: 'cascade' }),
		startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
		endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
		reason: text('reason').notNull(),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('blackout_site_idx').on(t.siteId, t.startsAt), check('blackout_range', sql`${t.endsAt} > ${t.startsAt}`)]
);

export const holidayKinds = ['national', 'joint_leave', 'regional'] as const;
export const holidayKind = pgEnum('holiday_kind', holidayKinds);

/**
 * Days every site is closed (national holidays and joint leave, from the yearly decree, loaded
 * from versioned data) and regional days a site adds (site_id set).
 */
export const holiday = pgTable(
	'holiday',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		day: date('day').notNull(),
		kind: holidayKind('kind').notNull(),
		nameId: text('name_id').notNull(),
		nameEn: text('name_en').notNull(),
		siteId: uuid('site_id').references(() => site.id, { onDelete: 'cascade' }),
		/** Where the date comes from, e.g. 'SKB 1497/2/5 2025' or who adjusted it. */
		source: text('source').notNull()
	},
	(t) => [unique('holiday_day_site').on(t.day, t.siteId, t.nameId).nullsNotDistinct(), index('holiday_day_idx').on(t.day)]
);

/** A site stays open on a national day (e.g. a park that runs an event on a holiday). */
export const holidayOptOut = pgTable(
	'holiday_opt_out',
	{
		siteId: uuid('site_id')
			.notNull()
			.references(() => site.id, { onDelete: 'cascade' }),
		day: date('day').notNull()
	},
	(t) => [unique('holiday_opt_out_pk').on(t.siteId, t.day)]
);

/**
 * A photo kept with a record (equipment at check-out and return). Stored in PostgreSQL so a
 * backup of the database is a backup of everything; size and type are checked by the service.
 */
/** Binary content kept in PostgreSQL (photos, application files). */
export const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

export const photo = pgTable('photo', {
	id: uuid('id').primaryKey().defaultRandom(),
	siteId: uuid('site_id')
		.notNull()
		.references(() => site.id, { onDelete: 'cascade' }),
	mime: text('mime').notNull(),
	bytes: integer('bytes').notNull(),
	sha256: text('sha256').notNull(),
	content: bytea('content').notNull(),
	createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});

/**
 * Portable equipment lent to a person (and their organisation) until a due date: the register of
 * government-loaned equipment. One open loan per item, enforced by a partial unique index.
 */
export const loan = pgTable(
	'loan',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		resourceId: uuid('resource_id')
			.notNull()
			.references(() => resource.id, { onDelete: 'cascade' }),
		siteId: uuid('site_id')
			.notNull()
			.references(() => site.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		orgId: uuid('org_id').references(() => organization.id, { onDelete: 'set null' }),
		checkedOutAt: timestamp('checked_out_at', { withTimezone: true }).notNull().defaultNow(),
		dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
		checkedOutBy: text('checked_out_by').references(() => user.id, { onDelete: 'set null' }),
		conditionOut: condition('condition_out').notNull(),
		noteOut: text('note_out').notNull().default(''),
		photoOut: uuid('photo_out').references(() => photo.id, { onDelete: 'set null' }),
		returnedAt: timestamp('returned_at', { withTimezone: true }),
		returnedTo: text('returned_to').references(() => user.id, { onDelete: 'set null' }),
		conditionIn: condition('condition_in'),
		noteIn: text('note_in'),
		photoIn: uuid('photo_in').references(() => photo.id, { onDelete: 'set null' }),
		/** When the "due tomorrow" and the latest "overdue" e-mail went out. */
		dueNoticeAt: timestamp('due_notice_at', { withTimezone: true }),
		overdueNoticeAt: timestamp('overdue_notice_at', { withTimezone: true })
	},
	(t) => [
		uniqueIndex('loan_one_open_per_resource').on(t.resourceId).where(sql`${t.returnedAt} IS NULL`),
		index('loan_site_idx').on(t.siteId, t.checkedOutAt),
		index('loan_user_idx').on(t.userId),
		check('loan_due_after_out', sql`${t.dueAt} > ${t.checkedOutAt}`),
		check('loan_returned_after_out', sql`${t.returnedAt} IS NULL OR ${t.returnedAt} >= ${t.checkedOutAt}`)
	]
);

export const maintenanceKinds = ['inspection', 'service', 'repair', 'calibration'] as const;
export const maintenanceKind = pgEnum('maintenance_kind', maintenanceKinds);

/** What was done to an asset, when, by whom and at what cost (Rupiah). */
export const maintenance = pgTable(
	'maintenance',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		resourceId: uuid('resource_id')
			.notNull()
			.references(() => resource.id, { onDelete: 'cascade' }),
		siteId: uuid('site_id')
			.notNull()
			.references(() => site.id, { onDelete: 'cascade' }),
		performedOn: date('performed_on').notNull(),
		kind: maintenanceKind('kind').notNull(),
		description: text('description').notNull(),
		/** Whole Rupiah. */
		costIdr: bigint('cost_idr', { mode: 'number' }),
		performedBy: text('performed_by').notNull().default(''),
		conditionAfter: condition('condition_after'),
		recordedBy: text('recorded_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('maintenance_resource_idx').on(t.resourceId, t.performedOn), check('maintenance_cost', sql`${t.costIdr} IS NULL OR ${t.costIdr} >= 0`)]
);

/**
 * A secret iCalendar address (RFC 5545 feed) of a person: their own bookings and loans, or one
 * facility's bookings. Only the SHA-256 of the secret in the address is kept.
 */
export const calendarFeed = pgTable(
	'calendar_feed',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		resourceId: uuid('resource_id').references(() => resource.id, { onDelete: 'cascade' }),
		tokenHash: text('token_hash').notNull().unique(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
		revokedAt: timestamp('revoked_at', { withTimezone: true })
	},
	(t) => [index('calendar_feed_user_idx').on(t.userId)]
);

/**
 * A park's plan of monthly allowances (e.g. "Inkubasi Tahap 1": 40 hours of rooms, 10 hours of
 * studio, 200 render credits a month). Each allowance covers a set of resource kinds and is counted
 * in hours booked or in credits (a facility's credits per hour × the hours booked).
 */
export const plan = pgTable(
	'plan',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		siteId: uuid('site_id')
			.notNull()
			.references(() => site.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		description: text('description').notNull().default(''),
		/** Beyond the allowance: refuse the booking, or allow it and record the overage. */
		allowOverage: boolean('allow_overage').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [unique('plan_site_name').on(t.siteId, t.name)]
);

export const allowanceUnits = ['hours', 'credits'] as const;
export type AllowanceUnit = (typeof allowanceUnits)[number];
export const allowanceUnit = pgEnum('allowance_unit', allowanceUnits);

export const planAllowance = pgTable(
	'plan_allowance',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		planId: uuid('plan_id')
			.notNull()
			.references(() => plan.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		kinds: resourceKind('kinds').array().notNull(),
		unit: allowanceUnit('unit').notNull().default('hours'),
		/** A month's allowance in the unit of account: minutes for an hours allowance, else credits. */
		amount: integer('amount').notNull()
	},
	(t) => [check('plan_allowance_amount', sql`${t.amount} > 0`)]
);

/** An organisation on a plan at a park, for a period. */
export const planMember = pgTable(
	'plan_member',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		planId: uuid('plan_id')
			.notNull()
			.references(() => plan.id, { onDelete: 'cascade' }),
		orgId: uuid('org_id')
			.notNull()
			.references(() => organization.id, { onDelete: 'cascade' }),
		startsOn: date('starts_on').notNull(),
		endsOn: date('ends_on'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('plan_member_org_idx').on(t.orgId)]
);

export const ledgerKinds = ['debit', 'refund', 'overage', 'overage_refund'] as const;
export const ledgerKind = pgEnum('ledger_kind', ledgerKinds);

/**
 * Every movement of an organisation's allowance, append-only (a trigger refuses UPDATE and
 * DELETE). Balances are sums: allowance − debits + refunds, per allowance and local month.
 */
export const ledgerEntry = pgTable(
	'ledger_entry',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		orgId: uuid('org_id')
			.notNull()
			.references(() => organization.id),
		siteId: uuid('site_id')
			.notNull()
			.references(() => site.id),
		allowanceId: uuid('allowance_id')
			.notNull()
			.references(() => planAllowance.id),
		/** First day of the park's local month the booking falls in. */
		month: date('month').notNull(),
		kind: ledgerKind('kind').notNull(),
		/**
		 * In the allowance's unit of account (minutes for an hours allowance, else credits): positive
		 * for debits and overage, negative for refunds.
		 */
		amount: integer('amount').notNull(),
		bookingId: uuid('booking_id').references(() => booking.id),
		actorId: text('actor_id'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('ledger_org_month_idx').on(t.orgId, t.month), index('ledger_booking_idx').on(t.bookingId)]
);
