import { commaList } from './form.ts';
import type { PublicSite } from '../directory/site.service.ts';

const range = (v: string | undefined): [string, string][] => {
	const m = /^\s*(\d{2}:\d{2})\s*[-–]\s*(\d{2}:\d{2})\s*$/.exec(v ?? '');
	return m ? [[m[1]!, m[2]!]] : [];
};

/** The site form (hours typed as "08:00-17:00") as service input, the same shape as the API's. */
export function siteInput(v: Record<string, string>) {
	const weekday = range(v.hoursWeekday);
	const saturday = range(v.hoursSaturday);
	const openingHours: Record<string, [string, string][]> = {};
	if (weekday.length) for (const d of ['1', '2', '3', '4', '5']) openingHours[d] = weekday;
	if (saturday.length) openingHours['6'] = saturday;
	return {
		name: v.name,
		slug: v.slug,
		kind: v.kind,
		timeZone: v.timeZone,
		provinceCode: v.provinceCode,
		regencyCode: v.regencyCode,
		address: v.address ?? '',
		description: v.description ?? '',
		contactEmail: v.contactEmail,
		contactPhone: v.contactPhone,
		website: v.website,
		openingHours,
		offers: commaList(v.offers)
	};
}

/** A stored site as the values of the site form: the inverse of `siteInput`. */
export function siteFormValues(s: PublicSite): Record<string, string> {
	const hours = (d: '1' | '6') => s.openingHours[d]?.[0]?.join('-') ?? '';
	return {
		name: s.name,
		slug: s.slug,
		kind: s.kind,
		timeZone: s.timeZone,
		provinceCode: s.provinceCode,
		regencyCode: s.regencyCode,
		address: s.address,
		description: s.description,
		contactEmail: s.contactEmail ?? '',
		contactPhone: s.contactPhone ?? '',
		website: s.website ?? '',
		offers: s.offers.join(', '),
		hoursWeekday: hours('1'),
		hoursSaturday: hours('6')
	};
}
