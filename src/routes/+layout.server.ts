import type { LayoutServerLoad } from './$types';
import { siteChoices, type SiteChoice } from '$lib/server/directory/site.service';
import { readConfig } from '$lib/server/config';
import { isNetworkAdmin } from '$lib/server/auth/actor';

// Read once: the environment does not change under a running server, and reading it is not free.
let demo: boolean | undefined;
// The switcher's list as pages get it, made again only when siteChoices() gives a new list.
const shown = new WeakMap<SiteChoice[], { slug: string; name: string }[]>();

export const load: LayoutServerLoad = async ({ locals }) => {
	const a = locals.actor;
	// The site switcher on every page.
	const sites = await siteChoices();
	let list = shown.get(sites);
	if (!list) shown.set(sites, (list = sites.map(({ slug, name }) => ({ slug, name }))));
	return {
		locale: locals.locale,
		theme: locals.theme,
		demo: (demo ??= readConfig().demo),
		sites: list,
		me: a.kind === 'user' ? { name: a.name, email: a.email, timeZone: a.timeZone, networkAdmin: isNetworkAdmin(a), roles: a.roles.map((r) => ({ role: r.role, site: r.siteId ? (sites.find((s) => s.id === r.siteId) ?? null) : null })) } : null
	};
};
