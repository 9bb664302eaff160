import { api, body, list, pageOf } from '$lib/server/http/api';
import { createSite, findSites } from '$lib/server/directory/site.service';

const columns = [
	{ key: 'slug', header: 'slug', value: (s: { slug: string }) => s.slug },
	{ key: 'name', header: 'name', value: (s: { name: string }) => s.name },
	{ key: 'kind', header: 'kind', value: (s: { kind: string }) => s.kind },
	{ key: 'province', header: 'province', value: (s: { provinceName: string }) => s.provinceName },
	{ key: 'regency', header: 'regency', value: (s: { regencyName: string }) => s.regencyName },
	{ key: 'timeZone', header: 'time_zone', value: (s: { timeZone: string }) => s.timeZone },
	{ key: 'tenants', header: 'active_tenants', value: (s: { tenantCount: number }) => s.tenantCount }
];

export const GET = api(async (e) => list(e, await findSites(pageOf(e)), columns, 'sites'));
export const POST = api(async (e) => createSite(e.locals.actor, await body(e)));
