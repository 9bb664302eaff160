import type { PageServerLoad } from './$types';
import { signedIn } from '$lib/server/http/guard';
import { orError } from '$lib/server/http/form';
import { getSite } from '$lib/server/directory/site.service';
import { occupancyReport } from '$lib/server/facilities/occupancy.service';
import { addDays, isLocalDate, localParts } from '$lib/server/facilities/time';

/** ?site=<slug> for one park (its staff), without it every park side by side (network admins). */
export const load: PageServerLoad = async (event) => {
	const me = signedIn(event);
	const locale = event.locals.locale;
	const q = event.url.searchParams;
	const site = q.get('site') ? await orError(locale, () => getSite(q.get('site')!)) : null;
	const today = localParts(new Date(), site?.timeZone ?? 'Asia/Jakarta').date;
	// Default: the current month, past and booked ahead.
	const first = `${today.slice(0, 7)}-01`;
	const from = isLocalDate(q.get('from')) ? q.get('from')! : first;
	const to = isLocalDate(q.get('to')) ? q.get('to')! : addDays(`${addDays(first, 31).slice(0, 7)}-01`, -1);
	const report = await orError(locale, () => occupancyReport(me, site?.id ?? null, { from, to }));
	return { site, report, sites: [...new Set(report.rows.map((r) => r.siteSlug))].map((slug) => ({ slug, name: report.rows.find((r) => r.siteSlug === slug)!.siteName })) };
};
