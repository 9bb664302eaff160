import { api, list, query } from '$lib/server/http/api';
import { findResources, type PublicResource } from '$lib/server/facilities/resource.service';

const columns = [
	{ key: 'site', header: 'site', value: (r: PublicResource) => r.siteSlug },
	{ key: 'slug', header: 'slug', value: (r: PublicResource) => r.slug },
	{ key: 'name', header: 'name', value: (r: PublicResource) => r.name },
	{ key: 'kind', header: 'kind', value: (r: PublicResource) => r.kind },
	{ key: 'capacity', header: 'capacity', value: (r: PublicResource) => r.capacity },
	{ key: 'location', header: 'location', value: (r: PublicResource) => r.location },
	{ key: 'assetTag', header: 'asset_tag', value: (r: PublicResource) => r.assetTag },
	{ key: 'fundingSource', header: 'funding_source', value: (r: PublicResource) => r.fundingSource }
];

export const GET = api(async (e) => list(e, { items: await findResources(query(e)), nextCursor: null }, columns, 'resources'));
