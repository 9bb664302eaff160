import type { PageServerLoad } from './$types';
import { orError } from '$lib/server/http/form';
import { getSiteRow } from '$lib/server/directory/site.service';
import { siteCalendar } from '$lib/server/facilities/calendar.service';
import { findResources } from '$lib/server/facilities/resource.service';
import { addDays, isLocalDate, localParts, zonedInstant } from '$lib/server/facilities/time';
import { isUuid } from '$lib/schemas/common';
import { resourceKindList, type ResourceKind } from '$lib/server/facilities/schema';

/** A park's day (facilities side by side) or week (Monday to Sunday), in the park's own time. */
export const load: PageServerLoad = async ({ params, url, locals }) => {
	// Read once: the calendar service takes the row rather than reading the park again.
	const site = await orError(locals.locale, () => getSiteRow(params.slug));
	const today = localParts(new Date(), site.timeZone).date;
	const view = url.searchParams.get('view') === 'week' ? 'week' : 'day';
	const asked = url.searchParams.get('date');
	const date = isLocalDate(asked) ? asked : today;
	const kindAsked = url.searchParams.get('kind') ?? '';
	const kind = (resourceKindList as string[]).includes(kindAsked) ? (kindAsked as ResourceKind) : undefined;
	const resourceAsked = url.searchParams.get('resource') ?? '';
	const resource = isUuid(resourceAsked) ? resourceAsked : undefined;
	// A week runs Monday to Sunday in the park's zone.
	const weekday = Number(localParts(zonedInstant(date, 720, site.timeZone), site.timeZone).weekday);
	const from = view === 'week' ? addDays(date, 1 - weekday) : date;
	const to = view === 'week' ? addDays(from, 6) : date;
	const [calendar, all] = await Promise.all([
		orError(locals.locale, () => siteCalendar(locals.actor, site, { from, to, kind, resource })),
		kind || resource ? findResources({ site: site.id }) : null
	]);
	const step = view === 'week' ? 7 : 1;
	return {
		calendar,
		view,
		date,
		today,
		kind: kind ?? '',
		resource: resource ?? '',
		prev: addDays(date, -step),
		next: addDays(date, step),
		/** Every facility of the park, for the filters (the calendar itself may show fewer). */
		choices: (all ?? calendar.resources).map((r) => ({ id: r.id, name: r.name, kind: r.kind }))
	};
};
