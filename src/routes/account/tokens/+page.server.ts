import type { Actions, PageServerLoad } from './$types';
import { signedIn } from '$lib/server/http/guard';
import { createToken, findTokens, revokeToken } from '$lib/server/auth/tokens.service';
import { attempt, formValues, failed } from '$lib/server/http/form';

export const load: PageServerLoad = async (event) => ({ tokens: await findTokens(signedIn(event)) });

export const actions: Actions = {
	create: async (event) => {
		const me = signedIn(event);
		const values = formValues(await event.request.formData());
		const res = await attempt(event.locals.locale, values, () => createToken(me, { name: values.name, scope: values.scope }));
		if (failed(res)) return res;
		return { secret: res.secret };
	},
	revoke: async (event) => {
		const me = signedIn(event);
		const values = formValues(await event.request.formData());
		return attempt(event.locals.locale, values, async () => {
			await revokeToken(me, values.id ?? '');
			return { revoked: true };
		});
	}
};
