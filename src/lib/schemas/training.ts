import { z } from 'zod';
import { LIMITS, optional, zName, zSlug, zTags, zText, zUrl, patchOf } from './common.ts';
import { componentKinds, courseLanguages, courseLevels } from '../server/training/schema.ts';

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
	language: z.enum(courseLanguages).default('id'),
	/** Months a certificate stays valid; none: it does not expire. */
	validityMonths: optional(z.coerce.number().int().min(1).max(120)),
	/** SKKNI competency units taught (code as Kemnaker publishes it, e.g. J.612000.001.01). */
	skkni: z.array(z.strictObject({ code: z.string().trim().toUpperCase().regex(/^[A-Z]{1,4}\.[A-Z0-9]{2,8}(\.[0-9]{2,3}){1,3}$/, 'err_skkni_code'), title: zText(LIMITS.short).min(1) })).max(50).default([]),
	/** A qualification (of the course's park, or network-wide) a valid certificate grants. */
	qualificationId: optional(z.uuid())
};
export const zCreateCourse = z.strictObject(courseFields);
export type CreateCourse = z.input<typeof zCreateCourse>;
export const zUpdateCourse = patchOf(courseFields);

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
	/** A room of the course's park that every session books (on-site classes). */
	roomId: optional(z.uuid()),
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

/** A course's completion rule and its assessment components (kept ones carry their id). */
export const zAssessmentScheme = z
	.strictObject({
		passMark: z.coerce.number().int().min(0).max(100),
		minAttendance: z.coerce.number().int().min(0).max(100),
		components: z
			.array(
				z.strictObject({
					id: z.uuid().optional(),
					kind: z.enum(componentKinds),
					title: zName,
					weight: z.coerce.number().int().min(1).max(100)
				})
			)
			.max(20)
	});
export type AssessmentScheme = z.input<typeof zAssessmentScheme>;

/** Who was present at a session, as ticked on the trainer's list (everyone else is absent). */
export const zAttendanceList = z.strictObject({ present: z.array(z.string().min(1).max(100)).max(1000) });

/** The code from a session's QR code. */
export const zCheckIn = z.strictObject({ code: z.string().trim().min(1).max(100) });

/** Scores of a class's participants; null clears one. */
export const zScores = z.strictObject({
	scores: z
		.array(
			z.strictObject({
				userId: z.string().min(1).max(100),
				componentId: z.uuid(),
				score: z.union([z.null(), z.coerce.number().min(0).max(100).multipleOf(0.01)])
			})
		)
		.min(1)
		.max(5000)
});

export const zRevokeCredential = z.strictObject({ reason: zText(LIMITS.short).min(1) });

export const zCredentialQuery = z.object({ class: z.uuid().optional() });
