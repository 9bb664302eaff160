import type { Actions, PageServerLoad } from './$types';
import { signedIn } from '$lib/server/http/guard';
import { getMyProfile, updateMyProfile } from '$lib/server/directory/people.service';
import { changePassword } from '$lib/server/auth/account.service';
import { applySetCookies, setLocaleCookie } from '$lib/server/http/cookies';
import { attempt, formValues, failed } from '$lib/server/http/form';

export const load: PageServerLoad = async (event) => ({ profile: await getMyProfile(signedIn(event)) });

export const actions: Actions = {
	profile: async (event) => {
		const me = signedIn(event);
		const f = await event.request.formData();
		const values = formValues(f);
		const res = await attempt(event.locals.locale, values, () =>
			updateMyProfile(me, {
				name: values.name,
				locale: values.locale,
				timeZone: values.timeZone,
				phone: values.phone,
				bio: values.bio,
				publicProfile: values.publicProfile === 'on',
				publicFields: f.getAll('publicFields').map(String)
			})
		);
		if (res && failed(res)) return res;
		setLocaleCookie(event.cookies, values.locale ?? 'id');
		return { saved: 'profile' };
	},
	password: async (event) => {
		const me = signedIn(event);
		const values = formValues(await event.request.formData());
		const res = await attempt(event.locals.locale, values, () => changePassword(me, { currentPassword: values.currentPassword, newPassword: values.newPassword }, event.request.headers));
		if (failed(res)) return res;
		applySetCookies(event.cookies, res.setCookie);
		return { saved: 'password' };
	}
};
