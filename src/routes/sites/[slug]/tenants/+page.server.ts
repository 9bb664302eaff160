import { asc } from 'drizzle-orm';
import type { Actions, PageServerLoad } from './$types';
import { signedIn } from '$lib/server/http/guard';
import { getSite } from '$lib/server/directory/site.service';
import { createTenancy, findTenancies, updateTenancy } from '$lib/server/directory/org.service';
import { attempt, formValues, orError, failed } from '$lib/server/http/form';
import { can, Permission } from '$lib/server/auth/access';
import { db } from '$lib/server/db/client';
import { organization } from '$lib/server/directory/schema';

export const load: PageServerLoad = async (event) => {
	signedIn(event);
	const site = await orError(event.locals.locale, () => getSite(event.params.slug));
	const canManage = await can(event.locals.actor, Permission.TenancyManage, { siteId: site.id });
	const orgs = canManage ? await db().select({ id: organization.id, name: organization.name }).from(organization).orderBy(asc(organization.name)) : [];
	return { site, tenancies: (await findTenancies(site.id, { limit: 200 })).items, orgs, canManage };
};

export const actions: Actions = {
	add: async (event) => {
		const me = signedIn(event);
		const site = await getSite(event.params.slug);
		const values = formValues(await event.request.formData());
		const res = await attempt(event.locals.locale, values, () => createTenancy(me, { orgId: values.orgId, siteId: site.id, startsOn: values.startsOn, endsOn: values.endsOn, status: values.status }));
		return failed(res) ? res : { added: true };
	},
	update: async (event) => {
		const me = signedIn(event);
		const values = formValues(await event.request.formData());
		const id = values.id ?? '';
		const res = await attempt(event.locals.locale, values, () => updateTenancy(me, id, { status: values.status, startsOn: values.startsOn, endsOn: values.endsOn }));
		return failed(res) ? res : { updated: id };
	}
};
