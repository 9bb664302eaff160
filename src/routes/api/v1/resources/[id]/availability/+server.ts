import { api, query } from '$lib/server/http/api';
import { availability } from '$lib/server/facilities/booking.service';

export const GET = api(async (e) => availability(e.locals.actor, e.params.id!, query(e)));
