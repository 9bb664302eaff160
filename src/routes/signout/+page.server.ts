import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { signOut } from '$lib/server/auth/account.service';
import { applySetCookies } from '$lib/server/http/cookies';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ request, cookies }) => {
		applySetCookies(cookies, (await signOut(request.headers)).setCookie);
		redirect(303, '/');
	}
};
