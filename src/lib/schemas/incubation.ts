import { z } from 'zod';
import { LIMITS, zName, zSlug, zText, optional } from './common.ts';
import { programmeKinds } from '../server/incubation/schema.ts';

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
	planId: optional(z.uuid())
};

export const zCreateProgramme = z.strictObject(programmeFields);
export type CreateProgramme = z.input<typeof zCreateProgramme>;
export const zUpdateProgramme = z.strictObject(programmeFields).partial();

export const zProgrammeQuery = z.object({
	site: z.string().max(LIMITS.slug).optional(),
	/** Only programmes with a call open now. */
	open: z.enum(['1', 'true']).optional()
});

const callFields = { title: zName, description: zText().default(''), opensAt: zInstant, closesAt: zInstant };
export const zCreateCall = z.strictObject(callFields);
export const zUpdateCall = z.strictObject(callFields).partial();
