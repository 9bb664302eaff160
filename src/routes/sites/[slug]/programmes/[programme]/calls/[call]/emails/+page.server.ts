import type { Actions, PageServerLoad } from './$types';
import { signedIn } from '$lib/server/http/guard';
import { attempt, failed, formValues, orError } from '$lib/server/http/form';
import { decisionTexts, listStages, saveDecisionTexts } from '$lib/server/incubation/review.service';
import { defaultDecisionText } from '$lib/server/incubation/mail';
import { decisionKinds, mailLocales } from '$lib/mail-template';
import { t } from '$lib/server/http/translate';

export const load: PageServerLoad = async (event) => {
	const me = signedIn(event);
	const { call } = await event.parent();
	const texts = await orError(event.locals.locale, () => decisionTexts(me, call.id));
	const stages = await listStages(me, call.id);
	return { texts, stage: stages[1]?.name ?? stages[0]?.name ?? null, sampleName: me.name };
};

export const actions: Actions = {
	/** Save every text; `reset` (a decision) puts that decision's built-in wording back first. */
	default: async (event) => {
		const me = signedIn(event);
		const v = formValues(await event.request.formData());
		const input = Object.fromEntries(decisionKinds.map((k) => [k, Object.fromEntries(mailLocales.map((l) => [l, v.reset === k ? defaultDecisionText(k, l) : { subject: v[`${k}.${l}.subject`] ?? '', body: v[`${k}.${l}.body`] ?? '' }]))]));
		const res = await attempt(event.locals.locale, v, () => saveDecisionTexts(me, event.params.call, input));
		if (failed(res)) return res;
		return { done: t(v.reset ? 'templates_reset_done' : 'templates_saved', {}, event.locals.locale) };
	}
};
