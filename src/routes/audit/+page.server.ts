import { redirect } from '@sveltejs/kit';
import { orError } from '$lib/server/http/form';
import type { PageServerLoad } from './$types';
import { signedIn } from '$lib/server/http/guard';
import { findAudit } from '$lib/server/platform/audit.service';
import { getSite } from '$lib/server/directory/site.service';
import { isNetworkAdmin } from '$lib/server/auth/actor';

export const load: PageServerLoad = async (event) => {
	const me = signedIn(event);
	const q = Object.fromEntries(event.url.searchParams);
	// A site manager sees their own park's log; without ?site= they are taken there.
	const managed = me.roles.find((r) => r.role === 'site_manager' && r.siteId);
	if (!q.site && !isNetworkAdmin(me) && managed) {
		const s = await getSite(managed.siteId!);
		redirect(303, `/audit?${new URLSearchParams({ ...q, site: s.slug })}`);
	}
	const filters = { site: q.site || undefined, action: q.action || undefined, outcome: q.outcome || undefined };
	return { filters, records: await orError(event.locals.locale, () => findAudit(me, filters, { limit: 50, cursor: q.cursor || undefined })) };
};
