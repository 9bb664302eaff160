import { z } from 'zod';
import { LIMITS, zName, zSlug, zTags, zText, optional, patchOf } from './common.ts';
import { allowanceUnits, bookableBys, conditions, defaultBookableBys, maintenanceKinds, resourceKindList } from '../server/facilities/schema.ts';
import { grantableRoles } from './directory.ts';

const minutes = (max: number) => z.coerce.number().int().min(0).max(max);

export const zCreateResource = z.strictObject({
	slug: zSlug,
	name: zName,
	kind: z.enum(resourceKindList),
	location: zText(LIMITS.short).default(''),
	capacity: z.coerce.number().int().min(1).max(5000).default(1),
	description: zText().default(''),
	tags: zTags.default([]),
	assetTag: optional(zText(60)),
	serialNumber: optional(zText(120)),
	fundingSource: optional(zText(LIMITS.short)),
	acquiredOn: optional(z.iso.date()),
	condition: optional(z.enum(conditions)),
	slotMinutes: z.coerce.number().int().min(5).max(1440).optional(),
	minMinutes: minutes(10080).optional(),
	maxMinutes: minutes(10080 * 4).optional(),
	noticeMinutes: minutes(10080 * 4).optional(),
	maxDaysAhead: z.coerce.number().int().min(1).max(730).optional(),
	bufferMinutes: minutes(1440).optional(),
	bookableBy: z.enum(bookableBys).optional(),
	/** With bookableBy 'roles': whose holders at the park may book (e.g. mentor, site_staff). */
	bookableRoles: z.array(z.enum(grantableRoles as [string, ...string[]]).transform((r) => r as (typeof grantableRoles)[number])).max(6).optional(),
	approvalRequired: z.boolean().optional(),
	shared: z.boolean().optional(),
	creditsPerHour: z.coerce.number().int().min(0).max(100000).optional(),
	alwaysOpen: z.boolean().optional(),
	qualificationId: optional(z.uuid()),
	active: z.boolean().optional()
});
export type CreateResource = z.infer<typeof zCreateResource>;
export const zUpdateResource = patchOf(zCreateResource.shape);

/** A park's defaults for new facilities, per class; a field left out follows Taman's default. */
const zRules = z.strictObject({
	slotMinutes: zCreateResource.shape.slotMinutes,
	minMinutes: zCreateResource.shape.minMinutes,
	maxMinutes: zCreateResource.shape.maxMinutes,
	noticeMinutes: zCreateResource.shape.noticeMinutes,
	maxDaysAhead: zCreateResource.shape.maxDaysAhead,
	bufferMinutes: zCreateResource.shape.bufferMinutes,
	bookableBy: z.enum(defaultBookableBys).optional(),
	approvalRequired: zCreateResource.shape.approvalRequired
});
export const zBookingDefaults = z.strictObject({ space: zRules.optional(), equipment: zRules.optional(), compute: zRules.optional() });

export const zResourceQuery = z.object({
	site: z.string().max(LIMITS.slug).optional(),
	kind: z.enum(resourceKindList).optional(),
	class: z.enum(['space', 'equipment', 'compute']).optional(),
	capacity: z.coerce.number().int().min(1).max(5000).optional()
});

/** ISO 8601 with an offset (2026-11-24T09:00:00+07:00 or …Z). */
const zInstant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

export const zRecurrence = z.strictObject({
	frequency: z.enum(['daily', 'weekly']),
	interval: z.coerce.number().int().min(1).max(12).default(1),
	count: z.coerce.number().int().min(1).max(52).optional(),
	until: z.iso.date().optional()
});
export type Recurrence = z.infer<typeof zRecurrence>;

export const zCreateBooking = z.strictObject({
	resourceId: z.uuid(),
	startsAt: zInstant,
	endsAt: zInstant,
	organizationId: optional(z.uuid()),
	title: zText(LIMITS.name).default(''),
	seats: z.coerce.number().int().min(1).max(5000).default(1),
	recurrence: zRecurrence.optional(),
	/** Book the occurrences that are free and report the others, instead of refusing the series. */
	skipConflicts: z.boolean().default(false),
	/** Only report what would happen; write nothing. */
	dryRun: z.boolean().default(false)
});
export type CreateBooking = z.input<typeof zCreateBooking>;

/** A change to a booking: a new time, purpose or number of seats (each optional). */
export const zChangeBooking = z.strictObject({
	startsAt: zInstant.optional(),
	endsAt: zInstant.optional(),
	title: zText(LIMITS.name).optional(),
	seats: z.coerce.number().int().min(1).max(5000).optional()
});

export const zDecision = z.strictObject({ reason: zText(LIMITS.short).default('') });

export const zAvailabilityQuery = z.object({
	from: z.iso.date(),
	to: z.iso.date()
});

export const zBookingQuery = z.object({
	site: z.string().max(LIMITS.slug).optional(),
	resource: z.uuid().optional(),
	status: z.enum(['pending', 'confirmed', 'checked_in', 'cancelled', 'declined', 'released']).optional(),
	mine: z.enum(['1', 'true']).optional(),
	from: z.iso.date().optional(),
	to: z.iso.date().optional()
});

export const zCreateQualification = z.strictObject({ name: zName, description: zText().default('') });
export const zGrantQualification = z.strictObject({ email: z.email().max(LIMITS.email).transform((s) => s.toLowerCase()) });

export const zCreateBlackout = z.strictObject({
	resourceId: optional(z.uuid()),
	startsAt: z.iso.datetime({ offset: true }).transform((s) => new Date(s)),
	endsAt: z.iso.datetime({ offset: true }).transform((s) => new Date(s)),
	reason: z.string().trim().min(1).max(LIMITS.short)
});

// ── Holidays ────────────────────────────────────────────────────────────────────────────────

export const zHolidayQuery = z.object({
	year: z.coerce.number().int().min(2020).max(2100).default(() => new Date().getUTCFullYear()),
	site: z.string().max(LIMITS.slug).optional()
});
/** A national day moved to the date the government set (e.g. after the sidang isbat). */
export const zMoveHoliday = z.strictObject({ day: z.iso.date() });
/** A park's own closed day. */
export const zRegionalHoliday = z.strictObject({ day: z.iso.date(), nameId: zName, nameEn: zText(LIMITS.name).default('') });
/** A national day a park stays open on. */
export const zOptOut = z.strictObject({ day: z.iso.date() });

// ── Equipment loans ─────────────────────────────────────────────────────────────────────────

export const zCheckOut = z.strictObject({
	resourceId: z.uuid(),
	/** The borrower's e-mail (an account of Taman). */
	email: z.email().max(LIMITS.email).transform((s) => s.toLowerCase()),
	organizationId: optional(z.uuid()),
	dueAt: zInstant,
	condition: z.enum(conditions),
	note: zText(LIMITS.short).default('')
});

export const zReturn = z.strictObject({
	condition: z.enum(conditions),
	note: zText(LIMITS.short).default('')
});

export const zLoanQuery = z.object({
	site: z.string().max(LIMITS.slug).optional(),
	resource: z.uuid().optional(),
	status: z.enum(['open', 'overdue', 'returned']).optional(),
	mine: z.enum(['1', 'true']).optional()
});

export const zCreateMaintenance = z.strictObject({
	performedOn: z.iso.date(),
	kind: z.enum(maintenanceKinds),
	description: z.string().trim().min(1).max(LIMITS.short),
	/** Whole Rupiah. */
	costIdr: z.coerce.number().int().min(0).max(1e13).optional(),
	performedBy: zText(LIMITS.name).default(''),
	conditionAfter: optional(z.enum(conditions))
});

export const zReportQuery = z.object({ from: z.iso.date(), to: z.iso.date() });

/** A park's calendar: local dates (at most 42 days), optionally one kind or one facility. */
export const zCalendarQuery = z.object({
	from: z.iso.date(),
	to: z.iso.date().optional(),
	kind: z.enum(resourceKindList).optional(),
	resource: z.uuid().optional()
});

/** A calendar address: my own bookings, or (with resourceId) one facility's. */
export const zCreateFeed = z.strictObject({ resourceId: optional(z.uuid()) });

// ── Plans, allowances and the ledger ────────────────────────────────────────────────────────

export const zAllowance = z
	.strictObject({
		name: zName,
		kinds: z.array(z.enum(resourceKindList)).min(1).max(resourceKindList.length),
		/** Counted in hours booked, or in credits (each facility's credits per hour × hours booked). */
		unit: z.enum(allowanceUnits).default('hours'),
		/** A month's allowance: hours (quarter hours allowed) or whole credits. */
		amount: z.coerce.number()
	})
	.refine((a) => a.unit !== 'hours' || (a.amount >= 0.25 && a.amount <= 744 && Number.isInteger(a.amount * 4)), { path: ['amount'], message: 'err_allowance_hours' })
	.refine((a) => a.unit !== 'credits' || (a.amount >= 1 && a.amount <= 1_000_000 && Number.isInteger(a.amount)), { path: ['amount'], message: 'err_allowance_credits' });

export const zCreatePlan = z.strictObject({
	name: zName,
	description: zText().default(''),
	allowOverage: z.boolean().default(false),
	allowances: z.array(zAllowance).min(1).max(12)
});

export const zAddPlanMember = z.strictObject({
	organizationId: z.uuid(),
	startsOn: z.iso.date(),
	endsOn: optional(z.iso.date())
});

export const zStatementQuery = z.object({
	site: z.string().max(LIMITS.slug),
	/** A month as YYYY-MM, in the park's calendar. */
	month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/)
});
