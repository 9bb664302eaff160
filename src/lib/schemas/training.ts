import { z } from 'zod';
import { LIMITS, optional, zName, zSlug, zTags, zText, zUrl } from './common.ts';
import { courseLanguages, courseLevels } from '../server/training/schema.ts';

/** ISO 8601 with an offset (2026-12-01T08:00:00+07:00 or …Z). */
const zInstant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

const courseFields = {
	slug: zSlug,
	title: zName,
	description: zText().default(''),
	provider: zText(LIMITS.name).default(''),
	skills: zTags.default([]),
	level: z.enum(courseLevels).default('beginner'),
	durationHours: z.coerce.number().int().min(1).max(2000),
	prerequisites: zText(LIMITS.short).default(''),
	/** Whole Rupiah; 0 is free. */
	priceIdr: z.coerce.number().int().min(0).max(1_000_000_000).default(0),
	language: z.enum(courseLanguages).default('id')
};
export const zCreateCourse = z.strictObject(courseFields);
export type CreateCourse = z.input<typeof zCreateCourse>;
export const zUpdateCourse = z.strictObject(courseFields).partial();

export const zCourseQuery = z.object({
	/** A park's slug or id, or `jaringan` for the network's own courses. */
	site: z.string().max(LIMITS.slug).optional(),
	q: z.string().trim().max(LIMITS.name).optional()
});

const zSession = z.strictObject({ startsAt: zInstant, endsAt: zInstant }).refine((s) => s.endsAt > s.startsAt, { message: 'err_session_order', path: ['endsAt'] });

export const zCreateClass = z.strictObject({
	title: zName,
	capacity: z.coerce.number().int().min(1).max(1000),
	approvalRequired: z.boolean().default(false),
	location: zText(LIMITS.short).default(''),
	onlineUrl: optional(zUrl),
	/** People of the park who teach it. */
	trainerIds: z.array(z.string().min(1).max(100)).max(10).default([]),
	sessions: z.array(zSession).min(1).max(100)
});
export type CreateClass = z.input<typeof zCreateClass>;

export const zEnrolmentDecision = z.strictObject({
	decision: z.enum(['approve', 'decline']),
	reason: zText(LIMITS.short).default('')
}).refine((d) => d.decision === 'approve' || d.reason.length > 0, { message: 'err_field_required', path: ['reason'] });
