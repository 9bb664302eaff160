import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { signedIn } from '$lib/server/http/guard';
import { attempt, failed, formValues } from '$lib/server/http/form';
import { getForm, saveForm } from '$lib/server/incubation/application.service';
import { can, Permission } from '$lib/server/auth/access';
import { t } from '$lib/server/http/translate';

export const load: PageServerLoad = async (event) => {
	const me = signedIn(event);
	const { programme } = await event.parent();
	if (!(await can(me, Permission.ProgrammeManage, { siteId: programme.siteId }))) error(403, t('err_forbidden', {}, event.locals.locale));
	return { form: await getForm(event.params.call) };
};

export const actions: Actions = {
	/** The builder sends the whole form as JSON in one field. */
	default: async (event) => {
		const me = signedIn(event);
		const v = formValues(await event.request.formData());
		let sections: unknown;
		try {
			sections = JSON.parse(v.sections ?? '');
		} catch {
			sections = null;
		}
		const res = await attempt(event.locals.locale, {}, () => saveForm(me, event.params.call, { sections }));
		if (failed(res)) return res;
		return { saved: res.version };
	}
};
