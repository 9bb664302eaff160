import type { Actions, PageServerLoad } from './$types';
import { signedIn } from '$lib/server/http/guard';
import { attempt, formValues, failed } from '$lib/server/http/form';
import { findBookings } from '$lib/server/facilities/booking.service';
import { bookingActions } from '$lib/server/http/booking-actions';
import { findLoans } from '$lib/server/facilities/loan.service';
import { createFeed, findFeeds, revokeFeed } from '$lib/server/facilities/feed.service';

export const load: PageServerLoad = async (event) => {
	const me = signedIn(event);
	const [bookings, loans, feeds] = await Promise.all([findBookings(me, { mine: '1' }), findLoans(me, { mine: '1' }), findFeeds(me)]);
	return { bookings, loans: loans.filter((l) => !l.returnedAt), feeds, now: new Date().toISOString() };
};

export const actions: Actions = {
	cancel: bookingActions.cancel,
	checkIn: bookingActions.checkIn,
	change: bookingActions.change,
	/** A new calendar address (mine, or a facility's from its page); its URL is shown once. */
	feed: async (event) => {
		const me = signedIn(event);
		const v = formValues(await event.request.formData());
		const res = await attempt(event.locals.locale, v, () => createFeed(me, { resourceId: v.resourceId || null }));
		return failed(res) ? res : { feed: res };
	},
	revokeFeed: async (event) => {
		const me = signedIn(event);
		const v = formValues(await event.request.formData());
		const res = await attempt(event.locals.locale, v, () => revokeFeed(me, v.id ?? ''));
		return res && failed(res) ? res : { revoked: true };
	}
};
