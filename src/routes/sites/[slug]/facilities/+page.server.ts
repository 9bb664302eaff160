import type { PageServerLoad } from './$types';
import { orError } from '$lib/server/http/form';
import { getSite } from '$lib/server/directory/site.service';
import { findResources } from '$lib/server/facilities/resource.service';
import { freeResources } from '$lib/server/facilities/booking.service';
import { zonedInstant, hhmm, isLocalDate, isLocalTime, localParts } from '$lib/server/facilities/time';
import { can, Permission } from '$lib/server/auth/access';

export const load: PageServerLoad = async ({ params, url, locals }) => {
	const site = await orError(locals.locale, () => getSite(params.slug));
	const canManage = await can(locals.actor, Permission.BookingManage, { siteId: site.id });
	// Staff also see inactive facilities, to edit and reactivate them.
	const resources = await findResources({ site: site.id }, { inactive: canManage });
	const q = { date: url.searchParams.get('date') ?? '', from: url.searchParams.get('from') ?? '', to: url.searchParams.get('to') ?? '', kind: url.searchParams.get('kind') ?? '' };
	let free: string[] | null = null;
	if (isLocalDate(q.date) && isLocalTime(q.from) && isLocalTime(q.to) && hhmm(q.to) > hhmm(q.from)) {
		free = await freeResources(site.id, zonedInstant(q.date, hhmm(q.from), site.timeZone), zonedInstant(q.date, hhmm(q.to), site.timeZone), { kind: q.kind || undefined });
	}
	return { site, resources, q, free, today: localParts(new Date(), site.timeZone).date, canManage };
};
