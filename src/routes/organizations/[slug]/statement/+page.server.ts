import type { PageServerLoad } from './$types';
import { signedIn } from '$lib/server/http/guard';
import { orError } from '$lib/server/http/form';
import { statement } from '$lib/server/facilities/plan.service';

export const load: PageServerLoad = async (event) => {
	const me = signedIn(event);
	const q = event.url.searchParams;
	const month = /^\d{4}-\d{2}$/.test(q.get('month') ?? '') ? q.get('month')! : new Date().toISOString().slice(0, 7);
	return { statement: await orError(event.locals.locale, () => statement(me, event.params.slug, { site: q.get('site') ?? '', month })) };
};
