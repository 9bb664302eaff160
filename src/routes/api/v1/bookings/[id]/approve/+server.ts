import { json } from '@sveltejs/kit';
import { api, body } from '$lib/server/http/api';
import { approveBooking } from '$lib/server/facilities/booking.service';

export const POST = api(async (e) => json(await approveBooking(e.locals.actor, e.params.id!, await body(e))));
