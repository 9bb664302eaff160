import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { signedIn } from '$lib/server/http/guard';
import { formValues, orError } from '$lib/server/http/form';
import { getResource } from '$lib/server/facilities/resource.service';
import { checkIn, findBookings, CHECK_IN_EARLY_MINUTES } from '$lib/server/facilities/booking.service';
import { AppError, statusOf } from '$lib/server/platform/errors';
import { t } from '$lib/server/http/translate';

/**
 * Where the QR code on a facility's door leads: the person's own booking of it that can be checked
 * in now (from shortly before its start until its end), one tap away.
 */
export const load: PageServerLoad = async (event) => {
	const me = signedIn(event);
	const resource = await orError(event.locals.locale, () => getResource(event.params.id));
	const now = Date.now();
	const mine = await findBookings(me, { resource: resource.id, mine: '1' });
	const open = (b: (typeof mine)[number]) => Date.parse(b.startsAt) - CHECK_IN_EARLY_MINUTES * 60000 <= now && Date.parse(b.endsAt) > now;
	return {
		resource,
		now: new Date(now).toISOString(),
		current: mine.filter((b) => (b.status === 'confirmed' || b.status === 'checked_in') && open(b)),
		next: mine.filter((b) => b.status === 'confirmed' && Date.parse(b.startsAt) > now).sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0] ?? null
	};
};

export const actions: Actions = {
	default: async (event) => {
		const me = signedIn(event);
		const v = formValues(await event.request.formData());
		try {
			await checkIn(me, v.id ?? '');
			return { done: true };
		} catch (e) {
			if (!(e instanceof AppError)) throw e;
			return fail(statusOf(e.code), { message: t(e.key, e.params, event.locals.locale) });
		}
	}
};
