import type { PageServerLoad } from './$types';
import { signedIn } from '$lib/server/http/guard';
import { orError } from '$lib/server/http/form';
import { getProgramme } from '$lib/server/incubation/programme.service';
import { kpiDashboard } from '$lib/server/incubation/kpi.service';
import { stateCode } from '$lib/components/report-state';

export const load: PageServerLoad = async (event) => {
	const me = signedIn(event);
	const locale = event.locals.locale;
	const programme = await orError(locale, () => getProgramme(event.params.programme, event.params.slug));
	const { startups, ...dashboard } = await orError(locale, () => kpiDashboard(me, programme.id));
	// Each startup's states as one letter per period: a hundred startups × 24 months stay a small page.
	const rows = startups.map((s) => ({ id: s.id, name: s.name, slug: s.slug, codes: s.states.map((x) => (x ? stateCode[x] : '-')).join('') }));
	return { programme: { id: programme.id, name: programme.name, slug: programme.slug, siteSlug: programme.siteSlug, siteName: programme.siteName }, dashboard, rows };
};
