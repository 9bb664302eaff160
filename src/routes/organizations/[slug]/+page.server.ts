import type { Actions, PageServerLoad } from './$types';
import { getOrg, updateOrg, addMember, removeMember } from '$lib/server/directory/org.service';
import { attempt, formValues, orError, failed } from '$lib/server/http/form';
import { orgInput } from '$lib/server/http/org-form';
import { plansOfOrg } from '$lib/server/facilities/plan.service';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const org = await orError(locals.locale, () => getOrg(locals.actor, params.slug));
	return { org, plans: await plansOfOrg(locals.actor, org.id), month: new Date().toISOString().slice(0, 7), created: url.searchParams.has('created') };
};

export const actions: Actions = {
	update: async ({ request, params, locals }) => {
		const values = formValues(await request.formData());
		const res = await attempt(locals.locale, values, () => updateOrg(locals.actor, params.slug, orgInput(values)));
		return failed(res) ? res : { saved: true };
	},
	addMember: async ({ request, params, locals }) => {
		const values = formValues(await request.formData());
		const res = await attempt(locals.locale, values, () => addMember(locals.actor, params.slug, { email: values.email, title: values.title ?? '', isAdmin: values.isAdmin === 'on' }));
		return failed(res) ? res : { saved: true };
	},
	removeMember: async ({ request, params, locals }) => {
		const values = formValues(await request.formData());
		return attempt(locals.locale, values, async () => {
			await removeMember(locals.actor, params.slug, values.userId ?? '');
			return { saved: true };
		});
	}
};
