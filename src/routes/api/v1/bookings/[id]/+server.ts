import { api } from '$lib/server/http/api';
import { getBooking } from '$lib/server/facilities/booking.service';

export const GET = api(async (e) => getBooking(e.locals.actor, e.params.id!));
