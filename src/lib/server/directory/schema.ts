import { sql } from 'drizzle-orm';
import {
	pgTable,
	pgEnum,
	text,
	uuid,
	timestamp,
	date,
	jsonb,
	index,
	unique,
	boolean,
	primaryKey,
	check,
	customType
} from 'drizzle-orm/pg-core';
import { user } from '../auth/schema.ts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const siteKinds = ['technopark', 'growth_center', 'creative_hub', 'coding_factory', 'sez'] as const;
export const siteKind = pgEnum('site_kind', siteKinds);

export const orgKinds = [
	'startup',
	'studio',
	'company',
	'bumn',
	'university',
	'government',
	'community',
	'media',
	'association'
] as const;
export const orgKind = pgEnum('org_kind', orgKinds);

export const roles = [
	'network_admin',
	'site_manager',
	'site_staff',
	'mentor',
	'reviewer',
	'member',
	'client'
] as const;
export const roleEnum = pgEnum('role', roles);

export const tenancyStatuses = ['applied', 'active', 'suspended', 'ended'] as const;
export const tenancyStatus = pgEnum('tenancy_status', tenancyStatuses);

/** Opening hours per ISO weekday (1 = Monday … 7 = Sunday), times in the site's zone (see hours.ts). */
export type { OpeningHours } from '../../hours.ts';
import type { OpeningHours } from '../../hours.ts';

/** Booking rules a park sets for its new facilities of one class; unset ones follow Taman's defaults. */
export interface BookingRules {
	slotMinutes?: number;
	minMinutes?: number;
	maxMinutes?: number;
	noticeMinutes?: number;
	maxDaysAhead?: number;
	bufferMinutes?: number;
	bookableBy?: 'site_members' | 'tenants' | 'public';
	approvalRequired?: boolean;
}
export type BookingDefaults = Partial<Record<'space' | 'equipment' | 'compute', BookingRules>>;

export const site = pgTable(
	'site',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		slug: text('slug').notNull().unique(),
		name: text('name').notNull(),
		kind: siteKind('kind').notNull(),
		timeZone: text('time_zone').notNull(),
		provinceCode: text('province_code').notNull(),
		regencyCode: text('regency_code').notNull(),
		address: text('address').notNull().default(''),
		description: text('description').notNull().default(''),
		contactEmail: text('contact_email'),
		contactPhone: text('contact_phone'),
		website: text('website'),
		openingHours: jsonb('opening_hours').$type<OpeningHours>().notNull().default({}),
		offers: text('offers').array().notNull().default(sql`'{}'::text[]`),
		bookingDefaults: jsonb('booking_defaults').$type<BookingDefaults>().notNull().default({}),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		check('site_time_zone_chk', sql`${t.timeZone} IN ('Asia/Jakarta','Asia/Makassar','Asia/Jayapura')`),
		check('site_regency_in_province_chk', sql`${t.regencyCode} LIKE ${t.provinceCode} || '.%'`)
	]
);

export const organization = pgTable(
	'organization',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		slug: text('slug').notNull().unique(),
		name: text('name').notNull(),
		kind: orgKind('kind').notNull(),
		description: text('description').notNull().default(''),
		website: text('website'),
		email: text('email'),
		phone: text('phone'),
		nib: text('nib'),
		npwp: text('npwp'),
		kbli: text('kbli').array().notNull().default(sql`'{}'::text[]`),
		tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
		/** Indonesian and English stems, so "pelatihan" finds "latih" and "training" finds "train". */
		search: tsvector('search').generatedAlwaysAs(
			sql`to_tsvector('indonesian', name || ' ' || description) || to_tsvector('english', name || ' ' || description)`
		),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('organization_search_idx').using('gin', t.search),
		index('organization_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
		index('organization_tags_idx').using('gin', t.tags),
		check('organization_nib_chk', sql`${t.nib} IS NULL OR ${t.nib} ~ '^[0-9]{13}$'`),
		check('organization_npwp_chk', sql`${t.npwp} IS NULL OR ${t.npwp} ~ '^[0-9]{15,16}$'`)
	]
);

export const orgMember = pgTable(
	'org_member',
	{
		orgId: uuid('org_id')
			.notNull()
			.references(() => organization.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		title: text('title').notNull().default(''),
		/** Organisation admins edit the organisation and its members. */
		isAdmin: boolean('is_admin').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.orgId, t.userId] }), index('org_member_user_idx').on(t.userId)]
);

export const tenancy = pgTable(
	'tenancy',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		orgId: uuid('org_id')
			.notNull()
			.references(() => organization.id, { onDelete: 'cascade' }),
		siteId: uuid('site_id')
			.notNull()
			.references(() => site.id, { onDelete: 'restrict' }),
		startsOn: date('starts_on').notNull(),
		endsOn: date('ends_on'),
		status: tenancyStatus('status').notNull().default('active'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('tenancy_site_idx').on(t.siteId),
		index('tenancy_org_idx').on(t.orgId),
		check('tenancy_dates_chk', sql`${t.endsOn} IS NULL OR ${t.endsOn} >= ${t.startsOn}`)
	]
);

/**
 * A role of a person at a site. `network_admin` is the one role held network-wide (site NULL);
 * every other role names its site.
 */
export const siteRole = pgTable(
	'site_role',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		siteId: uuid('site_id').references(() => site.id, { onDelete: 'cascade' }),
		role: roleEnum('role').notNull(),
		grantedBy: text('granted_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		unique('site_role_unique').on(t.userId, t.siteId, t.role).nullsNotDistinct(),
		index('site_role_site_idx').on(t.siteId),
		check('site_role_scope_chk', sql`(${t.role} = 'network_admin') = (${t.siteId} IS NULL)`)
	]
);

export const invitation = pgTable(
	'invitation',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		email: text('email').notNull(),
		siteId: uuid('site_id')
			.notNull()
			.references(() => site.id, { onDelete: 'cascade' }),
		role: roleEnum('role').notNull(),
		tokenHash: text('token_hash').notNull().unique(),
		invitedBy: text('invited_by').references(() => user.id, { onDelete: 'set null' }),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		acceptedAt: timestamp('accepted_at', { withTimezone: true }),
		acceptedBy: text('accepted_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('invitation_site_idx').on(t.siteId),
		check('invitation_not_network_chk', sql`${t.role} <> 'network_admin'`)
	]
);
