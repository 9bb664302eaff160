import type { PageServerLoad } from './$types';
import { signedIn } from '$lib/server/http/guard';
import { findSites } from '$lib/server/directory/site.service';

export const load: PageServerLoad = async (event) => {
	signedIn(event);
	return { list: (await findSites({ limit: 200 })).items };
};
