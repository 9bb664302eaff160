import { commaList } from './form.ts';

/** The organisation form's fields as service input (the same shape the API accepts). */
export function orgInput(v: Record<string, string>) {
	return {
		name: v.name,
		slug: v.slug,
		kind: v.kind,
		description: v.description ?? '',
		website: v.website,
		email: v.email,
		phone: v.phone,
		nib: v.nib,
		npwp: v.npwp,
		kbli: commaList(v.kbli),
		tags: commaList(v.tags)
	};
}
