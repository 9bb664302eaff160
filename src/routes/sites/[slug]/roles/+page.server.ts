import type { Actions, PageServerLoad } from './$types';
import { signedIn } from '$lib/server/http/guard';
import { findSiteRoles, inviteToRole, revokeRole } from '$lib/server/directory/roles.service';
import { attempt, formValues, orError, failed } from '$lib/server/http/form';

export const load: PageServerLoad = async (event) => orError(event.locals.locale, () => findSiteRoles(signedIn(event), event.params.slug));

export const actions: Actions = {
	invite: async (event) => {
		const me = signedIn(event);
		const values = formValues(await event.request.formData());
		const res = await attempt(event.locals.locale, values, () => inviteToRole(me, event.params.slug, { email: values.email, role: values.role }));
		return failed(res) ? res : { invited: res.email };
	},
	revoke: async (event) => {
		const me = signedIn(event);
		const values = formValues(await event.request.formData());
		return attempt(event.locals.locale, values, async () => {
			await revokeRole(me, values.id ?? '');
			return { revoked: true };
		});
	}
};
