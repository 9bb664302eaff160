import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { signedIn } from '$lib/server/http/guard';
import { createOrg } from '$lib/server/directory/org.service';
import { attempt, formValues, failed } from '$lib/server/http/form';
import { orgInput } from '$lib/server/http/org-form';

export const load: PageServerLoad = (event) => {
	signedIn(event);
};

export const actions: Actions = {
	default: async (event) => {
		const me = signedIn(event);
		const values = formValues(await event.request.formData());
		const res = await attempt(event.locals.locale, values, () => createOrg(me, orgInput(values)));
		if (failed(res)) return res;
		redirect(303, `/organizations/${res.slug}?created=1`);
	}
};
