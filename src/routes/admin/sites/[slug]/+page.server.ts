import type { Actions, PageServerLoad } from './$types';
import { signedIn } from '$lib/server/http/guard';
import { getSite, updateSite } from '$lib/server/directory/site.service';
import { regions } from '$lib/server/directory/regions';
import { attempt, formValues, orError, failed } from '$lib/server/http/form';
import { siteFormValues, siteInput } from '$lib/server/http/site-form';

export const load: PageServerLoad = async (event) => {
	signedIn(event);
	const [s, r] = await Promise.all([orError(event.locals.locale, () => getSite(event.params.slug)), regions()]);
	return {
		site: s,
		values: siteFormValues(s),
		regions: { provinces: r.provinces, regencies: r.regencies }
	};
};

export const actions: Actions = {
	default: async (event) => {
		const me = signedIn(event);
		const values = formValues(await event.request.formData());
		const res = await attempt(event.locals.locale, values, () => updateSite(me, event.params.slug, siteInput(values)));
		return failed(res) ? res : { saved: true };
	}
};
