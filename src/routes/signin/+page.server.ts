import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { signIn, resendVerification } from '$lib/server/auth/account.service';
import { applySetCookies, setLocaleCookie } from '$lib/server/http/cookies';
import { attempt, formValues } from '$lib/server/http/form';
import { readConfig } from '$lib/server/config';
import { demoAccounts, DEMO_PASSWORD } from '$lib/server/demo/accounts';

const safe = (to: string | null) => (to && to.startsWith('/') && !to.startsWith('//') ? to : '/dashboard');

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.actor.kind === 'user') redirect(303, safe(url.searchParams.get('redirectTo')));
	return { demoAccounts: readConfig().demo ? { accounts: demoAccounts.map((a) => ({ email: a.email, role: a.role })), password: DEMO_PASSWORD } : null };
};

export const actions: Actions = {
	signin: async ({ request, cookies, locals, url }) => {
		const values = formValues(await request.formData());
		const res = await attempt(locals.locale, values, () => signIn({ email: values.email, password: values.password }, request.headers));
		if (!('setCookie' in res)) return res;
		applySetCookies(cookies, res.setCookie);
		// The account's language follows the person to every device.
		setLocaleCookie(cookies, res.locale);
		redirect(303, safe(url.searchParams.get('redirectTo')));
	},
	resend: async ({ request }) => {
		const values = formValues(await request.formData());
		await resendVerification({ email: values.email }).catch(() => {});
		return { resent: true };
	}
};
