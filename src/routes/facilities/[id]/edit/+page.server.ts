import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { signedIn } from '$lib/server/http/guard';
import { attempt, formValues, orError, failed } from '$lib/server/http/form';
import { resourceInput } from '$lib/server/http/resource-form';
import { getResource, updateResource } from '$lib/server/facilities/resource.service';
import { findQualifications } from '$lib/server/facilities/qualification.service';
import { conditions, resourceKindList } from '$lib/server/facilities/schema';
import { can, Permission } from '$lib/server/auth/access';
import { t } from '$lib/server/http/translate';

export const load: PageServerLoad = async (event) => {
	const me = signedIn(event);
	const r = await orError(event.locals.locale, () => getResource(event.params.id));
	if (!(await can(me, Permission.ResourceManage, { siteId: r.siteId }))) error(403, t('err_forbidden', {}, event.locals.locale));
	// The form's values are strings, as a browser would send them back.
	const values: Record<string, string> = {};
	for (const [k, v] of Object.entries(r)) {
		if (v === null || v === undefined) continue;
		values[k] = typeof v === 'boolean' ? (v ? 'on' : '') : Array.isArray(v) ? v.join(', ') : String(v);
	}
	return { resource: r, values, kinds: resourceKindList, conditions, qualifications: await findQualifications(r.siteId) };
};

export const actions: Actions = {
	default: async (event) => {
		const me = signedIn(event);
		const v = formValues(await event.request.formData());
		const res = await attempt(event.locals.locale, v, () => updateResource(me, event.params.id, resourceInput(v, { editing: true })));
		if (failed(res)) return res;
		redirect(303, `/facilities/${res.id}`);
	}
};
