import type { PageServerLoad } from './$types';
import { signedIn } from '$lib/server/http/guard';
import { orError } from '$lib/server/http/form';
import { getSite } from '$lib/server/directory/site.service';
import { findBookings } from '$lib/server/facilities/booking.service';
import { bookingActions } from '$lib/server/http/booking-actions';
import { localParts } from '$lib/server/facilities/time';

export const load: PageServerLoad = async (event) => {
	const me = signedIn(event);
	const site = await orError(event.locals.locale, () => getSite(event.params.slug));
	const today = localParts(new Date(), site.timeZone).date;
	const [pending, upcoming] = await Promise.all([
		orError(event.locals.locale, () => findBookings(me, { site: site.id, status: 'pending' })),
		orError(event.locals.locale, () => findBookings(me, { site: site.id, from: today }))
	]);
	return { site, pending, upcoming: upcoming.filter((b) => b.status !== 'pending').reverse(), now: new Date().toISOString() };
};

export const actions = bookingActions;
