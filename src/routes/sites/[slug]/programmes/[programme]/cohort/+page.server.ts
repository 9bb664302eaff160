import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { signedIn } from '$lib/server/http/guard';
import { attempt, failed, formValues, orError } from '$lib/server/http/form';
import { getProgramme } from '$lib/server/incubation/programme.service';
import { addMember, candidates, listCohort, saveMilestoneTemplate } from '$lib/server/incubation/cohort.service';
import { can, Permission } from '$lib/server/auth/access';
import { t } from '$lib/server/http/translate';

export const load: PageServerLoad = async (event) => {
	const me = signedIn(event);
	const programme = await orError(event.locals.locale, () => getProgramme(event.params.programme, event.params.slug));
	if (!(await can(me, Permission.ProgrammeManage, { siteId: programme.siteId }))) error(403, t('err_forbidden', {}, event.locals.locale));
	const [cohort, orgs] = await Promise.all([listCohort(me, programme.id), candidates(me, programme.id)]);
	return { programme, cohort, orgs };
};

/** Template rows come as title_0, description_0, days_0 …; rows without a title are dropped. */
function stepsOf(v: Record<string, string>) {
	const rows = Object.keys(v)
		.filter((k) => /^title_\d+$/.test(k))
		.map((k) => Number(k.slice(6)))
		.sort((a, b) => a - b);
	return rows.filter((i) => v[`title_${i}`]?.trim()).map((i) => ({ title: v[`title_${i}`]!, description: v[`description_${i}`] ?? '', dueAfterDays: v[`days_${i}`] ?? '' }));
}

export const actions: Actions = {
	add: async (event) => {
		const me = signedIn(event);
		const v = formValues(await event.request.formData());
		const p = await orError(event.locals.locale, () => getProgramme(event.params.programme!, event.params.slug!));
		const res = await attempt(event.locals.locale, v, () => addMember(me, p.id, { organizationId: v.organizationId ?? '', startsOn: v.startsOn || undefined }));
		if (failed(res)) return fail(res.status, { form: 'add', ...res.data });
		return { form: 'add', added: true };
	},
	template: async (event) => {
		const me = signedIn(event);
		const v = formValues(await event.request.formData());
		const p = await orError(event.locals.locale, () => getProgramme(event.params.programme!, event.params.slug!));
		const res = await attempt(event.locals.locale, v, () => saveMilestoneTemplate(me, p.id, { steps: stepsOf(v) }));
		if (failed(res)) return fail(res.status, { form: 'template', ...res.data });
		return { form: 'template', saved: true };
	}
};
