import type { PageServerLoad } from './$types';
import { signedIn } from '$lib/server/http/guard';
import { orError } from '$lib/server/http/form';
import { listApplications } from '$lib/server/incubation/application.service';

export const load: PageServerLoad = async (event) => {
	const me = signedIn(event);
	const q = Object.fromEntries(['status', 'q'].map((k) => [k, event.url.searchParams.get(k) || undefined]));
	const cursor = event.url.searchParams.get('cursor') || undefined;
	// 100 a page; a committee printing the whole list asks for up to 1,000 (?limit=).
	const limit = Math.min(1000, Math.max(1, Number(event.url.searchParams.get('limit')) || 100));
	const result = await orError(event.locals.locale, () => listApplications(me, event.params.call, q, { limit, cursor }));
	return { result, query: q };
};
