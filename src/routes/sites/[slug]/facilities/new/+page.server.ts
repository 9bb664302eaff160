import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { signedIn } from '$lib/server/http/guard';
import { attempt, formValues, orError, failed } from '$lib/server/http/form';
import { resourceInput } from '$lib/server/http/resource-form';
import { getSite } from '$lib/server/directory/site.service';
import { createResource } from '$lib/server/facilities/resource.service';
import { findQualifications } from '$lib/server/facilities/qualification.service';
import { conditions, resourceKindList } from '$lib/server/facilities/schema';
import { can, Permission } from '$lib/server/auth/access';
import { t } from '$lib/server/http/translate';

export const load: PageServerLoad = async (event) => {
	const me = signedIn(event);
	const site = await orError(event.locals.locale, () => getSite(event.params.slug));
	if (!(await can(me, Permission.ResourceManage, { siteId: site.id }))) error(403, t('err_forbidden', {}, event.locals.locale));
	return { site, kinds: resourceKindList, conditions, qualifications: await findQualifications(site.id) };
};

export const actions: Actions = {
	default: async (event) => {
		const me = signedIn(event);
		const v = formValues(await event.request.formData());
		const res = await attempt(event.locals.locale, v, () => createResource(me, event.params.slug, resourceInput(v, { editing: false })));
		if (failed(res)) return res;
		redirect(303, `/facilities/${res.id}`);
	}
};
