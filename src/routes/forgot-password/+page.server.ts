import type { Actions } from './$types';
import { requestPasswordReset } from '$lib/server/auth/account.service';
import { attempt, formValues } from '$lib/server/http/form';

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const values = formValues(await request.formData());
		const res = await attempt(locals.locale, values, () => requestPasswordReset({ email: values.email }));
		return res ?? { sent: true };
	}
};
