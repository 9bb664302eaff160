import type { LayoutServerLoad } from './$types';
import { siteChoices } from '$lib/server/directory/site.service';
import { readConfig } from '$lib/server/config';
import { isNetworkAdmin } from '$lib/server/auth/actor';

// Read once: the environment does not change under a running server, and reading it is not free.
let demo: boolean | undefined;

export const load: LayoutServerLoad = async ({ locals }) => {
	const a = locals.actor;
	// The site switcher on every page.
	const sites = await siteChoices();
	const names = new Map(sites.map((s) => [s.id, s]));
	return {
		locale: locals.locale,
		theme: locals.theme,
		demo: (demo ??= readConfig().demo),
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
