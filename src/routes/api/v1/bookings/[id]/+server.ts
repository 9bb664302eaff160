import { api, body } from '$lib/server/http/api';
import { changeBooking, getBooking } from '$lib/server/facilities/booking.service';

export const GET = api(async (e) => getBooking(e.locals.actor, e.params.id!));
export const PATCH = api(async (e) => changeBooking(e.locals.actor, e.params.id!, await body(e)));
