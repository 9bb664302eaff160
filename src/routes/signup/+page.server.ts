import type { Actions } from './$types';
import { signUp } from '$lib/server/auth/account.service';
import { attempt, formValues, failed } from '$lib/server/http/form';

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const values = formValues(await request.formData());
		const res = await attempt(locals.locale, values, () => signUp({ name: values.name, email: values.email, password: values.password, locale: locals.locale }, request.headers));
		if (res && typeof res === 'object' && failed(res)) return res;
		return { done: true, email: values.email };
	}
};
