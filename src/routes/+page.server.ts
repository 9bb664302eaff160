import { count } from 'drizzle-orm';
import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db/client';
import { site, organization } from '$lib/server/directory/schema';

export const load: PageServerLoad = async () => {
	const [[s], [o]] = await Promise.all([db().select({ n: count() }).from(site), db().select({ n: count() }).from(organization)]);
	return { siteCount: s?.n ?? 0, orgCount: o?.n ?? 0 };
};
