import type { PageServerLoad } from './$types';
import { findSites } from '$lib/server/directory/site.service';

export const load: PageServerLoad = async () => ({ sites: (await findSites({ limit: 200 })).items });
