import type { Actions, PageServerLoad } from './$types';
import { signedIn } from '$lib/server/http/guard';
import { attempt, formValues, orError, failed } from '$lib/server/http/form';
import { getSite } from '$lib/server/directory/site.service';
import { bookingDefaults, setBookingDefaults } from '$lib/server/facilities/resource.service';
import { can, Permission } from '$lib/server/auth/access';

/** The rules a park's new facilities start with, per class; its site managers change them. */
export const load: PageServerLoad = async ({ params, locals }) => {
	const site = await orError(locals.locale, () => getSite(params.slug));
	const [defaults, canEdit] = await Promise.all([bookingDefaults(site.id), can(locals.actor, Permission.SiteUpdate, { siteId: site.id })]);
	return { site, defaults, canEdit };
};

const numbers = ['slotMinutes', 'minMinutes', 'maxMinutes', 'noticeMinutes', 'maxDaysAhead', 'bufferMinutes'];

export const actions: Actions = {
	/** Fields are named "space.noticeMinutes" …; an empty field follows Taman's default. */
	default: async (event) => {
		const me = signedIn(event);
		const v = formValues(await event.request.formData());
		const input: Record<string, Record<string, unknown>> = {};
		for (const [key, value] of Object.entries(v)) {
			const [cls, field] = key.split('.');
			if (!cls || !field || value === '') continue;
			const rules = (input[cls] ??= {});
			rules[field] = numbers.includes(field) ? value : field === 'approvalRequired' ? value === 'yes' : value;
		}
		const res = await attempt(event.locals.locale, v, () => setBookingDefaults(me, event.params.slug, input));
		if (failed(res)) return res;
		return { done: true };
	}
};
