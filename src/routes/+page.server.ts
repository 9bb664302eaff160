import { count } from 'drizzle-orm';
import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db/client';
import { site, organization } from '$lib/server/directory/schema';
import { openCalls } from '$lib/server/incubation/programme.service';

export const load: PageServerLoad = async () => {
	const [[s], [o], calls] = await Promise.all([db().select({ n: count() }).from(site), db().select({ n: count() }).from(organization), openCalls(new Date(), 6)]);
	return { siteCount: s?.n ?? 0, orgCount: o?.n ?? 0, calls: calls.map((c) => ({ ...c, closesAt: c.closesAt.toISOString() })) };
};
