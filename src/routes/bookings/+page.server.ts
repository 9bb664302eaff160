import type { PageServerLoad } from './$types';
import { signedIn } from '$lib/server/http/guard';
import { findBookings } from '$lib/server/facilities/booking.service';
import { bookingActions } from '$lib/server/http/booking-actions';

export const load: PageServerLoad = async (event) => {
	const me = signedIn(event);
	return { bookings: await findBookings(me, { mine: '1' }), now: new Date().toISOString() };
};

export const actions = { cancel: bookingActions.cancel, checkIn: bookingActions.checkIn };
