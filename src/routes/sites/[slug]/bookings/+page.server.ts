import type { PageServerLoad } from './$types';
import { signedIn } from '$lib/server/http/guard';
import { getSite } from '$lib/server/directory/site.service';
import { findBookings } from '$lib/server/facilities/booking.service';
import { fail, type RequestEvent } from '@sveltejs/kit';
import { bookingActions, blackoutInput } from '$lib/server/http/booking-actions';
import { attempt, formValues, orError, type FormFailure, failed } from '$lib/server/http/form';
import { createBlackout } from '$lib/server/facilities/closure.service';
import { localParts } from '$lib/server/facilities/time';

export const load: PageServerLoad = async (event) => {
	const me = signedIn(event);
	const site = await orError(event.locals.locale, () => getSite(event.params.slug));
	const today = localParts(new Date(), site.timeZone).date;
	const [pending, upcoming] = await Promise.all([
		orError(event.locals.locale, () => findBookings(me, { site: site.id, status: 'pending' })),
		orError(event.locals.locale, () => findBookings(me, { site: site.id, from: today }))
	]);
	return { site, today, pending, upcoming: upcoming.filter((b) => b.status !== 'pending').reverse(), now: new Date().toISOString() };
};

export const actions = {
	...bookingActions,
	/** Close the whole park for a time (an event, a power cut, a local holiday). */
	blackout: async (event: RequestEvent) => {
		const me = signedIn(event);
		const v = formValues(await event.request.formData());
		const site = await orError(event.locals.locale, () => getSite(event.params.slug!));
		const res = await attempt(event.locals.locale, v, () => createBlackout(me, site.id, blackoutInput(v, site.timeZone)));
		if (failed(res)) return fail(res.status, { blackout: res.data as FormFailure });
		return { blackout: { done: true } };
	}
};
