import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { signedIn } from '$lib/server/http/guard';
import { attempt, formValues, orError, fileOf, type FormFailure, failed } from '$lib/server/http/form';
import { getSite } from '$lib/server/directory/site.service';
import { tenanciesOfSite } from '$lib/server/directory/org.service';
import { findResources } from '$lib/server/facilities/resource.service';
import { checkOut, findLoans, returnLoan } from '$lib/server/facilities/loan.service';
import { conditions } from '$lib/server/facilities/schema';
import { addDays, localInstant, localParts } from '$lib/server/facilities/time';
import { t, translateFields } from '$lib/server/http/translate';

export const load: PageServerLoad = async (event) => {
	const me = signedIn(event);
	const locale = event.locals.locale;
	const site = await orError(locale, () => getSite(event.params.slug));
	// findLoans checks that the viewer runs this park's loan desk (403 otherwise).
	const loans = await orError(locale, () => findLoans(me, { site: site.id }));
	const [items, tenancies] = await Promise.all([findResources({ site: site.id, class: 'equipment' }), tenanciesOfSite(site.id, { limit: 200 })]);
	const out = new Set(loans.filter((l) => !l.returnedAt).map((l) => l.resourceId));
	const now = localParts(new Date(), site.timeZone);
	return {
		site,
		open: loans.filter((l) => !l.returnedAt),
		returned: loans.filter((l) => l.returnedAt).slice(0, 50),
		available: items.filter((r) => r.active && !out.has(r.id)).map((r) => ({ id: r.id, name: r.name, assetTag: r.assetTag, condition: r.condition })),
		orgs: tenancies.items.filter((x) => x.status === 'active').map((x) => ({ id: x.orgId, name: x.orgName })),
		defaults: { dueDate: addDays(now.date, 1), dueTime: '16:00' },
		conditions,
		now: new Date().toISOString()
	};
};

/** A form's values and photo; each return form's fields carry the loan id (one page, many forms). */
async function withForm(event: RequestEvent, suffix = (_v: Record<string, string>) => '') {
	const me = signedIn(event);
	const data = await event.request.formData();
	const v = formValues(data);
	const s = suffix(v);
	return { me, v, condition: v[`condition${s}`], note: v[`note${s}`] ?? '', photo: await fileOf(data, `photo${s}`), locale: event.locals.locale };
}

export const actions: Actions = {
	checkOut: async (event) => {
		const { me, v, condition, note, photo, locale } = await withForm(event);
		const site = await orError(locale, () => getSite(event.params.slug));
		const dueAt = localInstant(v.dueDate, v.dueTime, site.timeZone);
		if (!dueAt)
			return fail(422, { intent: 'checkOut', values: v, message: t('err_validation', {}, locale), errors: translateFields([{ field: 'dueAt', key: 'err_field_required' }], locale) });
		const res = await attempt(locale, v, () => checkOut(me, { resourceId: v.resourceId, email: v.email, organizationId: v.organizationId || null, dueAt, condition, note }, photo));
		if (failed(res)) return fail(res.status, { intent: 'checkOut', ...(res.data as FormFailure) });
		return { intent: 'checkOut', done: t('loans_done_out', { resource: res.resourceName, name: res.userName }, locale) };
	},
	return: async (event) => {
		const { me, v, condition, note, photo, locale } = await withForm(event, (x) => `-${x.id ?? ''}`);
		const res = await attempt(locale, v, () => returnLoan(me, v.id ?? '', { condition, note }, photo));
		if (failed(res)) return fail(res.status, { intent: `return-${v.id}`, ...(res.data as FormFailure) });
		return { intent: `return-${v.id}`, done: t('loans_done_in', { resource: res.resourceName }, locale) };
	}
};
