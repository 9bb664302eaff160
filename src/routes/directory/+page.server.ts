import type { PageServerLoad } from './$types';
import { findOrgs } from '$lib/server/directory/org.service';
import { findPeople } from '$lib/server/directory/people.service';
import { attempt } from '$lib/server/http/form';

export const load: PageServerLoad = async ({ url, locals }) => {
	const q = Object.fromEntries(url.searchParams);
	const tab = q.tab === 'people' ? 'people' : 'orgs';
	const filters = { q: q.q || undefined, kind: q.kind || undefined, site: q.site || undefined, tag: q.tag || undefined };
	const p = { limit: 24, cursor: q.cursor || undefined };
	const orgs = tab === 'orgs' ? await attempt(locals.locale, q, () => findOrgs(filters, p)) : null;
	const people = tab === 'people' ? await findPeople(filters.q, p) : null;
	return { tab, filters, orgs: orgs && 'items' in orgs ? orgs : { items: [], nextCursor: null }, people };
};
