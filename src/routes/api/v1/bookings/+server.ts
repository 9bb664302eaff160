import { api, body, list, query } from '$lib/server/http/api';
import { createBooking, findBookings, type PublicBooking } from '$lib/server/facilities/booking.service';

const columns = [
	{ key: 'id', header: 'id', value: (b: PublicBooking) => b.id },
	{ key: 'site', header: 'site', value: (b: PublicBooking) => b.siteSlug },
	{ key: 'resource', header: 'resource', value: (b: PublicBooking) => b.resourceName },
	{ key: 'booker', header: 'booker', value: (b: PublicBooking) => b.userName },
	{ key: 'startsAt', header: 'starts_at', value: (b: PublicBooking) => b.startsAt },
	{ key: 'endsAt', header: 'ends_at', value: (b: PublicBooking) => b.endsAt },
	{ key: 'status', header: 'status', value: (b: PublicBooking) => b.status },
	{ key: 'title', header: 'title', value: (b: PublicBooking) => b.title }
];

export const GET = api(async (e) => list(e, { items: await findBookings(e.locals.actor, query(e)), nextCursor: null }, columns, 'bookings'));
export const POST = api(async (e) => createBooking(e.locals.actor, await body(e)));
