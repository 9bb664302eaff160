import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { signedIn } from '$lib/server/http/guard';
import { attempt, failed, formValues, orError, type FormFailure } from '$lib/server/http/form';
import { createCall, getProgramme, updateCall } from '$lib/server/incubation/programme.service';
import { can, Permission } from '$lib/server/auth/access';
import { localInstant, localParts } from '$lib/server/facilities/time';
import { t, translateFields } from '$lib/server/http/translate';
import { applicationCounts, myApplicationFor, startApplication } from '$lib/server/incubation/application.service';
import { cohortOf, myCohorts } from '$lib/server/incubation/cohort.service';

export const load: PageServerLoad = async ({ params, locals }) => {
	const programme = await orError(locals.locale, () => getProgramme(params.programme, params.slug));
	const canManage = await can(locals.actor, Permission.ProgrammeManage, { siteId: programme.siteId });
	const ids = programme.calls.map((c) => c.id);
	const [counts, mine, cohort, plans] = await Promise.all([canManage ? applicationCounts(ids) : {}, Promise.all(ids.map((id) => myApplicationFor(locals.actor, id))), cohortOf(programme.id), locals.actor.kind === 'user' ? myCohorts(locals.actor) : []]);
	const myPlans = plans.filter((c) => c.programmeSlug === programme.slug && c.siteSlug === programme.siteSlug);
	return { programme, canManage, counts, cohort, myPlans, mine: Object.fromEntries(ids.map((id, i) => [id, mine[i]])), today: localParts(new Date(), programme.timeZone).date };
};

/**
 * A call form's values with its opening and closing read as the park's local dates and times;
 * `failure` is set when either is missing.
 */
async function callForm(event: RequestEvent) {
	const me = signedIn(event);
	const v = formValues(await event.request.formData());
	const locale = event.locals.locale;
	const p = await orError(locale, () => getProgramme(event.params.programme!, event.params.slug!));
	const opensAt = localInstant(v.opensDate, v.opensTime, p.timeZone);
	const closesAt = localInstant(v.closesDate, v.closesTime, p.timeZone);
	const missing = [!opensAt && 'opensAt', !closesAt && 'closesAt'].filter((f): f is string => !!f);
	const failure = missing.length ? ({ values: v, message: t('err_validation', {}, locale), errors: translateFields(missing.map((field) => ({ field, key: 'err_field_required' })), locale) } satisfies FormFailure) : null;
	return { me, v, locale, p, opensAt, closesAt, failure };
}

export const actions: Actions = {
	/** Start a draft application to an open call and go to it. */
	apply: async (event) => {
		const me = signedIn(event);
		const v = formValues(await event.request.formData());
		const res = await attempt(event.locals.locale, v, () => startApplication(me, v.call ?? '', {}));
		if (failed(res)) return fail(res.status, { apply: v.call, ...res.data });
		redirect(303, `/applications/${res.id}`);
	},
	/** Open a call: dates and times are the park's. */
	call: async (event) => {
		const { me, v, locale, p, opensAt, closesAt, failure } = await callForm(event);
		if (failure) return fail(422, failure);
		const res = await attempt(locale, v, () => createCall(me, p.id, { title: v.title, description: v.description ?? '', opensAt, closesAt }));
		if (failed(res)) return res;
		return { done: true };
	},
	/** Move a call's opening or closing (an extension, an early close). */
	move: async (event) => {
		const { me, v, locale, opensAt, closesAt, failure } = await callForm(event);
		if (failure) return fail(422, { call: v.id, ...failure });
		const res = await attempt(locale, v, () => updateCall(me, v.id ?? '', { opensAt, closesAt }));
		if (failed(res)) return fail(res.status, { call: v.id, ...(res.data as FormFailure) });
		return { moved: true };
	}
};
