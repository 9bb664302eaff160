import { count } from 'drizzle-orm';
import type { PageServerLoad } from './$types';
import { signedIn } from '$lib/server/http/guard';
import { getMyProfile } from '$lib/server/directory/people.service';
import { isNetworkAdmin } from '$lib/server/auth/actor';
import { db } from '$lib/server/db/client';
import { site, organization } from '$lib/server/directory/schema';
import { user } from '$lib/server/auth/schema';

export const load: PageServerLoad = async (event) => {
	const me = signedIn(event);
	const profile = await getMyProfile(me);
	let network = null;
	if (isNetworkAdmin(me)) {
		const [[s], [o], [p]] = await Promise.all([db().select({ n: count() }).from(site), db().select({ n: count() }).from(organization), db().select({ n: count() }).from(user)]);
		network = { sites: s?.n ?? 0, orgs: o?.n ?? 0, people: p?.n ?? 0 };
	}
	return { profile, network, verified: event.url.searchParams.has('verified') };
};
