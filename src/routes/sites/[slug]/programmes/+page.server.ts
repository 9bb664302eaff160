import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { signedIn } from '$lib/server/http/guard';
import { attempt, formValues, orError, failed } from '$lib/server/http/form';
import { getSite } from '$lib/server/directory/site.service';
import { createProgramme, findProgrammes } from '$lib/server/incubation/programme.service';
import { findPlans } from '$lib/server/facilities/plan.service';
import { programmeKinds } from '$lib/server/incubation/schema';
import { can, Permission } from '$lib/server/auth/access';
import { programmeInput } from '$lib/server/http/programme-form';
import { NETWORK } from '$lib/network';

/** A park's programmes, or the network's own (`/sites/jaringan/programmes`); their managers create new ones here. */
export const load: PageServerLoad = async ({ params, locals }) => {
	const site = params.slug === NETWORK.slug ? { id: null, slug: NETWORK.slug, name: NETWORK.name } : await orError(locals.locale, () => getSite(params.slug));
	const canManage = await can(locals.actor, Permission.ProgrammeManage, { siteId: site.id });
	const [programmes, plans] = await Promise.all([findProgrammes({ site: site.slug }), canManage && site.id ? findPlans(locals.actor, site.id) : []]);
	return { site, programmes, canManage, kinds: programmeKinds, plans: plans.map((p) => ({ id: p.id, name: p.name })) };
};

export const actions: Actions = {
	default: async (event) => {
		const me = signedIn(event);
		const v = formValues(await event.request.formData());
		const res = await attempt(event.locals.locale, v, () => createProgramme(me, event.params.slug, programmeInput(v)));
		if (failed(res)) return res;
		redirect(303, `/sites/${event.params.slug}/programmes/${res.slug}`);
	}
};
