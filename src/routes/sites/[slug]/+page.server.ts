import { redirect } from '@sveltejs/kit';
import { orError } from '$lib/server/http/form';
import { NETWORK } from '$lib/network';
import type { PageServerLoad } from './$types';
import { getSite } from '$lib/server/directory/site.service';
import { tenanciesOfSite } from '$lib/server/directory/org.service';
import { can, Permission } from '$lib/server/auth/access';

export const load: PageServerLoad = async ({ params, locals }) => {
	// The network is no park: what it has of its own are its programmes.
	if (params.slug === NETWORK.slug) redirect(307, `/sites/${NETWORK.slug}/programmes`);
	const site = await orError(locals.locale, () => getSite(params.slug));
	// Only what the page shows of each tenant: the rest would be serialised into every page for nothing.
	const tenants = (await tenanciesOfSite(site.id, { limit: 200 })).items.filter((t) => t.status === 'active').map(({ id, orgSlug, orgName, orgKind }) => ({ id, orgSlug, orgName, orgKind }));
	const target = { siteId: site.id };
	return {
		site,
		tenants,
		canEdit: await can(locals.actor, Permission.SiteUpdate, target),
		canRoles: await can(locals.actor, Permission.RoleRead, target),
		canTenancies: await can(locals.actor, Permission.TenancyManage, target),
		canAudit: await can(locals.actor, Permission.AuditRead, target)
	};
};
