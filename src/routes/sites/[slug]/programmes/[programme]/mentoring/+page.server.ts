import type { PageServerLoad } from './$types';
import { signedIn } from '$lib/server/http/guard';
import { orError } from '$lib/server/http/form';
import { getProgramme } from '$lib/server/incubation/programme.service';
import { mentoringReport } from '$lib/server/incubation/mentoring.service';

export const load: PageServerLoad = async (event) => {
	const me = signedIn(event);
	const locale = event.locals.locale;
	const programme = await orError(locale, () => getProgramme(event.params.programme, event.params.slug));
	return { programme: { name: programme.name, slug: programme.slug, siteSlug: programme.siteSlug }, report: await orError(locale, () => mentoringReport(me, programme.id)) };
};
