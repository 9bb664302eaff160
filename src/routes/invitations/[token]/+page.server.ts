import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { acceptInvitation, getInvitation } from '$lib/server/directory/roles.service';
import { signedIn } from '$lib/server/http/guard';
import { attempt, orError, failed } from '$lib/server/http/form';

export const load: PageServerLoad = async ({ params, locals }) => ({ invitation: await orError(locals.locale, () => getInvitation(params.token)), signedIn: locals.actor.kind === 'user' });

export const actions: Actions = {
	default: async (event) => {
		const me = signedIn(event);
		const res = await attempt(event.locals.locale, {}, () => acceptInvitation(me, event.params.token));
		if (failed(res)) return res;
		redirect(303, '/dashboard?accepted=1');
	}
};
