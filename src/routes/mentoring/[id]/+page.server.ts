import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { signedIn } from '$lib/server/http/guard';
import { attempt, failed, formValues, orError } from '$lib/server/http/form';
import { cancelSession, getSession, giveFeedback, saveNotes } from '$lib/server/incubation/mentoring.service';

export const load: PageServerLoad = async (event) => {
	const me = signedIn(event);
	return { session: await orError(event.locals.locale, () => getSession(me, event.params.id)), now: new Date().toISOString() };
};

export const actions: Actions = {
	/** Notes, and action items one per line; a line starting with "[x]" is done. */
	notes: async (event) => {
		const me = signedIn(event);
		const v = formValues(await event.request.formData());
		const actionItems = (v.actionItems ?? '')
			.split('\n')
			.map((l) => l.trim())
			.filter(Boolean)
			.map((l) => ({ text: l.replace(/^\[( |x)\]\s*/i, ''), done: /^\[x\]/i.test(l) }));
		const res = await attempt(event.locals.locale, v, () => saveNotes(me, event.params.id, { notes: v.notes ?? '', actionItems }));
		if (failed(res)) return fail(res.status, { form: 'notes', ...res.data });
		return { form: 'notes', done: true };
	},
	/** The startup ticks action items off: the same items, with the boxes it checked. */
	items: async (event) => {
		const me = signedIn(event);
		const v = formValues(await event.request.formData());
		const res = await attempt(event.locals.locale, v, async () => {
			const s = await getSession(me, event.params.id);
			return saveNotes(me, event.params.id, { actionItems: s.actionItems.map((a, i) => ({ text: a.text, done: v[`done_${i}`] === 'on' })) });
		});
		if (failed(res)) return fail(res.status, { form: 'items', ...res.data });
		return { form: 'items', done: true };
	},
	feedback: async (event) => {
		const me = signedIn(event);
		const v = formValues(await event.request.formData());
		const res = await attempt(event.locals.locale, v, () => giveFeedback(me, event.params.id, { rating: v.rating, comment: v.comment ?? '' }));
		if (failed(res)) return fail(res.status, { form: 'feedback', ...res.data });
		return { form: 'feedback', done: true };
	},
	cancel: async (event) => {
		const me = signedIn(event);
		const res = await attempt(event.locals.locale, {}, () => cancelSession(me, event.params.id));
		if (failed(res)) return fail(res.status, { form: 'cancel', ...res.data });
		return { form: 'cancel', done: true };
	}
};
