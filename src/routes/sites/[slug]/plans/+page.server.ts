import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { signedIn } from '$lib/server/http/guard';
import { attempt, formValues, orError, type FormFailure, failed } from '$lib/server/http/form';
import { getSite } from '$lib/server/directory/site.service';
import { tenanciesOfSite } from '$lib/server/directory/org.service';
import { addPlanMember, createPlan, findPlans } from '$lib/server/facilities/plan.service';
import { allowanceUnits, resourceKindList } from '$lib/server/facilities/schema';
import { localParts } from '$lib/server/facilities/time';
import { can, Permission } from '$lib/server/auth/access';
import { t } from '$lib/server/http/translate';

/** Allowance rows of the form: name-0, amount-0, unit-0, kinds-0 (checkboxes) … */
const ROWS = 3;

export const load: PageServerLoad = async (event) => {
	const me = signedIn(event);
	const site = await orError(event.locals.locale, () => getSite(event.params.slug));
	if (!(await can(me, Permission.PlanManage, { siteId: site.id }))) error(403, t('err_forbidden', {}, event.locals.locale));
	const [plans, tenancies] = await Promise.all([findPlans(me, site.id), tenanciesOfSite(site.id, { limit: 200 })]);
	return {
		site,
		plans,
		orgs: tenancies.items.filter((x) => x.status === 'active').map((x) => ({ id: x.orgId, name: x.orgName })),
		kinds: resourceKindList,
		units: allowanceUnits,
		rows: ROWS,
		today: localParts(new Date(), site.timeZone).date,
		month: localParts(new Date(), site.timeZone).date.slice(0, 7)
	};
};

export const actions: Actions = {
	create: async (event) => {
		const me = signedIn(event);
		const data = await event.request.formData();
		const v = formValues(data);
		// Amounts as written in Indonesian ("1,5") are read as numbers.
		const allowances = Array.from({ length: ROWS }, (_, i) => ({ name: v[`name-${i}`] ?? '', unit: v[`unit-${i}`] || 'hours', amount: (v[`amount-${i}`] ?? '').replace(',', '.'), kinds: data.getAll(`kinds-${i}`).map(String) })).filter((a) => a.name || a.amount || a.kinds.length);
		const res = await attempt(event.locals.locale, v, () => createPlan(me, event.params.slug, { name: v.name, description: v.description ?? '', allowOverage: v.allowOverage === 'on', allowances }));
		if (failed(res)) return fail(res.status, { intent: 'create', ...(res.data as FormFailure) });
		return { intent: 'create', done: t('plans_created', {}, event.locals.locale) };
	},
	addMember: async (event) => {
		const me = signedIn(event);
		const v = formValues(await event.request.formData());
		const res = await attempt(event.locals.locale, v, () => addPlanMember(me, v.planId ?? '', { organizationId: v.organizationId, startsOn: v.startsOn, endsOn: v.endsOn || null }));
		if (failed(res)) return fail(res.status, { intent: `member-${v.planId}`, ...(res.data as FormFailure) });
		return { intent: `member-${v.planId}`, done: t('plans_member_added', {}, event.locals.locale) };
	}
};
