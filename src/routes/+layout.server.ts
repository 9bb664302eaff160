import { asc } from 'drizzle-orm';
import type { LayoutServerLoad } from './$types';
import { prepared } from '$lib/server/db/client';
import { site } from '$lib/server/directory/schema';
import { readConfig } from '$lib/server/config';
import { isNetworkAdmin } from '$lib/server/auth/actor';

export const load: LayoutServerLoad = async ({ locals }) => {
	const a = locals.actor;
	// The site switcher on every page: one prepared query.
	const sites = await prepared('layout_sites', (d) => d.select({ id: site.id, slug: site.slug, name: site.name }).from(site).orderBy(asc(site.name)).prepare('layout_sites')).execute();
	const names = new Map(sites.map((s) => [s.id, s]));
	return {
		locale: locals.locale,
		theme: locals.theme,
		demo: readConfig().demo,
		sites: sites.map(({ slug, name }) => ({ slug, name })),
		me:
			a.kind === 'user'
				? {
						name: a.name,
						email: a.email,
						timeZone: a.timeZone,
						networkAdmin: isNetworkAdmin(a),
						roles: a.roles.map((r) => ({ role: r.role, site: r.siteId ? (names.get(r.siteId) ?? null) : null }))
					}
				: null
	};
};
