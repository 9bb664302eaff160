import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { signedIn } from '$lib/server/http/guard';
import { attempt, failed, formValues, orError } from '$lib/server/http/form';
import { declareConflict, getReview, scoreReview } from '$lib/server/incubation/review.service';
import { regions } from '$lib/server/directory/regions';

export const load: PageServerLoad = async (event) => {
	const me = signedIn(event);
	const review = await orError(event.locals.locale, () => getReview(me, event.params.id));
	const r = await regions();
	const a = review.application;
	const region = [r.regencies.find((g) => g.code === a.regencyCode)?.name, r.provinces.find((p) => p.code === a.provinceCode)?.name].filter(Boolean).join(', ');
	return { review, region };
};

export const actions: Actions = {
	score: async (event) => {
		const me = signedIn(event);
		const v = formValues(await event.request.formData());
		const scores = Object.fromEntries(Object.entries(v).filter(([k, x]) => k.startsWith('score.') && x !== '').map(([k, x]) => [k.slice(6), x]));
		const res = await attempt(event.locals.locale, v, () => scoreReview(me, event.params.id, { scores, comment: v.comment ?? '' }));
		if (failed(res)) return res;
		return { saved: res.total };
	},
	conflict: async (event) => {
		const me = signedIn(event);
		const v = formValues(await event.request.formData());
		const review = await orError(event.locals.locale, () => getReview(me, event.params.id));
		const res = await attempt(event.locals.locale, v, () => declareConflict(me, review.application.id, { reason: v.reason ?? '' }));
		if (failed(res)) return res;
		redirect(303, '/reviews?conflict=1');
	}
};
