import type { PublicProgramme } from '../incubation/programme.service.ts';

/** The programme form's fields as service input (the shape the API accepts). */
export const programmeInput = (v: Record<string, string>) => ({
	slug: v.slug,
	name: v.name,
	kind: v.kind,
	description: v.description ?? '',
	eligibility: v.eligibility ?? '',
	benefits: v.benefits ?? '',
	startsOn: v.startsOn,
	endsOn: v.endsOn,
	capacity: v.capacity,
	planId: v.planId,
	mentoringHours: v.mentoringHours
});

/** A stored programme as the form's values: the inverse of `programmeInput`. */
export const programmeValues = (p: PublicProgramme): Record<string, string> => ({
	slug: p.slug,
	name: p.name,
	kind: p.kind,
	description: p.description,
	eligibility: p.eligibility,
	benefits: p.benefits,
	startsOn: p.startsOn,
	endsOn: p.endsOn,
	capacity: p.capacity === null ? '' : String(p.capacity),
	planId: p.planId ?? '',
	mentoringHours: p.mentoringHours === null ? '' : String(p.mentoringHours)
});
