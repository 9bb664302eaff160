import { api, body, list, pageOf, query } from '$lib/server/http/api';
import { createOrg, findOrgs, type PublicOrg } from '$lib/server/directory/org.service';

const columns = [
	{ key: 'slug', header: 'slug', value: (o: PublicOrg) => o.slug },
	{ key: 'name', header: 'name', value: (o: PublicOrg) => o.name },
	{ key: 'kind', header: 'kind', value: (o: PublicOrg) => o.kind },
	{ key: 'sites', header: 'sites', value: (o: PublicOrg) => o.sites.map((s) => s.name).join('; ') },
	{ key: 'tags', header: 'tags', value: (o: PublicOrg) => o.tags.join('; ') },
	{ key: 'kbli', header: 'kbli', value: (o: PublicOrg) => o.kbli.join('; ') },
	{ key: 'website', header: 'website', value: (o: PublicOrg) => o.website }
];

export const GET = api(async (e) => {
	const { q, kind, site, tag } = query(e);
	return list(e, await findOrgs({ q, kind, site, tag }, pageOf(e)), columns, 'organizations');
});
export const POST = api(async (e) => createOrg(e.locals.actor, await body(e)));
