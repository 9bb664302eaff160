import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { resetPassword } from '$lib/server/auth/account.service';
import { attempt, formValues, failed } from '$lib/server/http/form';

export const load: PageServerLoad = ({ url }) => ({ token: url.searchParams.get('token') ?? '', invalid: url.searchParams.get('error') !== null });

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const values = formValues(await request.formData());
		const res = await attempt(locals.locale, values, () => resetPassword({ token: values.token, newPassword: values.newPassword }));
		if (res && typeof res === 'object' && failed(res)) return res;
		redirect(303, '/signin?reset=1');
	}
};
