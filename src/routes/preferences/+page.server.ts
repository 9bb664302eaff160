import { redirect } from '@sveltejs/kit';
import type { Actions } from './$types';
import { updateMyProfile } from '$lib/server/directory/people.service';
import { setLocaleCookie } from '$lib/server/http/cookies';

const back = (v: FormDataEntryValue | null) => (typeof v === 'string' && v.startsWith('/') && !v.startsWith('//') ? v : '/');
const year = 60 * 60 * 24 * 365;

export const actions: Actions = {
	/** Language switch: a cookie for everyone, and the account's language for signed-in people. */
	locale: async ({ request, cookies, locals }) => {
		const f = await request.formData();
		const locale = f.get('locale') === 'en' ? 'en' : 'id';
		setLocaleCookie(cookies, locale);
		if (locals.actor.kind === 'user') await updateMyProfile(locals.actor, { locale });
		redirect(303, back(f.get('redirectTo')));
	},
	theme: async ({ request, cookies }) => {
		const f = await request.formData();
		cookies.set('theme', f.get('theme') === 'dark' ? 'dark' : 'light', { path: '/', maxAge: year, httpOnly: true, sameSite: 'lax' });
		redirect(303, back(f.get('redirectTo')));
	}
};
