import { api, list, pageOf } from '$lib/server/http/api';
import { findTenancies } from '$lib/server/directory/org.service';

type T = { orgSlug: string; orgName: string; orgKind: string; startsOn: string; endsOn: string | null; status: string };
const columns = [
	{ key: 'org', header: 'organization', value: (t: T) => t.orgName },
	{ key: 'slug', header: 'slug', value: (t: T) => t.orgSlug },
	{ key: 'kind', header: 'kind', value: (t: T) => t.orgKind },
	{ key: 'status', header: 'status', value: (t: T) => t.status },
	{ key: 'from', header: 'starts_on', value: (t: T) => t.startsOn },
	{ key: 'to', header: 'ends_on', value: (t: T) => t.endsOn }
];

export const GET = api(async (e) => list(e, await findTenancies(e.params.site!, pageOf(e)), columns, 'tenancies'));
