import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { signedIn } from '$lib/server/http/guard';
import { attempt, formValues, orError, failed } from '$lib/server/http/form';
import { getProgramme, updateProgramme } from '$lib/server/incubation/programme.service';
import { findPlans } from '$lib/server/facilities/plan.service';
import { programmeKinds } from '$lib/server/incubation/schema';
import { can, Permission } from '$lib/server/auth/access';
import { programmeInput, programmeValues } from '$lib/server/http/programme-form';
import { t } from '$lib/server/http/translate';

export const load: PageServerLoad = async (event) => {
	const me = signedIn(event);
	const programme = await orError(event.locals.locale, () => getProgramme(event.params.programme, event.params.slug));
	if (!(await can(me, Permission.ProgrammeManage, { siteId: programme.siteId }))) error(403, t('err_forbidden', {}, event.locals.locale));
	const plans = programme.siteId ? await findPlans(me, programme.siteId) : [];
	return { programme, values: programmeValues(programme), kinds: programmeKinds, plans: plans.map((p) => ({ id: p.id, name: p.name })) };
};

export const actions: Actions = {
	default: async (event) => {
		const me = signedIn(event);
		const v = formValues(await event.request.formData());
		const p = await orError(event.locals.locale, () => getProgramme(event.params.programme, event.params.slug));
		const res = await attempt(event.locals.locale, v, () => updateProgramme(me, p.id, programmeInput(v)));
		if (failed(res)) return res;
		redirect(303, `/sites/${event.params.slug}/programmes/${res.slug}`);
	}
};
