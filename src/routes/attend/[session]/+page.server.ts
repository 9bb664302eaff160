import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { signedIn } from '$lib/server/http/guard';
import { attempt, failed, formValues, orError } from '$lib/server/http/form';
import { checkIn, sessionInfo } from '$lib/server/training/progress.service';
import { t } from '$lib/server/http/translate';

/**
 * Where a session's QR code leads: the session, and one button that marks the signed-in
 * participant present (opening the page changes nothing).
 */
export const load: PageServerLoad = async (event) => {
	const me = signedIn(event);
	const session = await orError(event.locals.locale, () => sessionInfo(me, event.params.session));
	return { session, code: event.url.searchParams.get('code') ?? '' };
};

export const actions: Actions = {
	default: async (event) => {
		const me = signedIn(event);
		const v = formValues(await event.request.formData());
		const res = await attempt(event.locals.locale, v, () => checkIn(me, event.params.session, { code: v.code ?? '' }));
		if (failed(res)) return fail(res.status, res.data);
		return { done: t(res.already ? 'training_attend_already' : 'training_attend_done', {}, event.locals.locale) };
	}
};
