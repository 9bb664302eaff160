import type { PageServerLoad } from './$types';
import { listMentors } from '$lib/server/incubation/mentoring.service';

export const load: PageServerLoad = async ({ url }) => {
	const all = await listMentors({ q: url.searchParams.get('q') ?? undefined });
	const site = url.searchParams.get('site') ?? '';
	const sites = [...new Map(all.flatMap((x) => x.sites).map((s) => [s.slug, s])).values()].sort((a, b) => a.name.localeCompare(b.name));
	return { mentors: site ? all.filter((x) => x.sites.some((s) => s.slug === site)) : all, sites, site, q: url.searchParams.get('q') ?? '' };
};
