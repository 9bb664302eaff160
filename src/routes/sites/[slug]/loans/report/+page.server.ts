import type { PageServerLoad } from './$types';
import { signedIn } from '$lib/server/http/guard';
import { orError } from '$lib/server/http/form';
import { getSite } from '$lib/server/directory/site.service';
import { utilisationReport } from '$lib/server/facilities/loan.service';
import { isLocalDate, localParts } from '$lib/server/facilities/time';

export const load: PageServerLoad = async (event) => {
	const me = signedIn(event);
	const locale = event.locals.locale;
	const site = await orError(locale, () => getSite(event.params.slug));
	// Default: the current month so far, in the park's own calendar.
	const today = localParts(new Date(), site.timeZone).date;
	const q = event.url.searchParams;
	const from = isLocalDate(q.get('from')) ? q.get('from')! : `${today.slice(0, 8)}01`;
	const to = isLocalDate(q.get('to')) ? q.get('to')! : today;
	const report = await orError(locale, () => utilisationReport(me, site.id, { from, to }));
	// Subtotals per funding source, in the report's order.
	const groups = new Map<string, typeof report.items>();
	for (const item of report.items) groups.set(item.fundingSource ?? '', [...(groups.get(item.fundingSource ?? '') ?? []), item]);
	return { site, from, to, groups: [...groups].map(([source, items]) => ({ source, items })) };
};
