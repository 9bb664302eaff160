import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { signedIn } from '$lib/server/http/guard';
import { createSite } from '$lib/server/directory/site.service';
import { regions } from '$lib/server/directory/regions';
import { attempt, formValues, failed } from '$lib/server/http/form';
import { siteInput } from '$lib/server/http/site-form';

export const load: PageServerLoad = async (event) => {
	signedIn(event);
	const r = await regions();
	return { regions: { provinces: r.provinces, regencies: r.regencies } };
};

export const actions: Actions = {
	default: async (event) => {
		const me = signedIn(event);
		const values = formValues(await event.request.formData());
		const res = await attempt(event.locals.locale, values, () => createSite(me, siteInput(values)));
		if (failed(res)) return res;
		redirect(303, `/sites/${res.slug}`);
	}
};
