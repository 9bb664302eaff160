import { json } from '@sveltejs/kit';
import { api, body } from '$lib/server/http/api';
import { cancelBooking } from '$lib/server/facilities/booking.service';

export const POST = api(async (e) => json(await cancelBooking(e.locals.actor, e.params.id!, await body(e))));
