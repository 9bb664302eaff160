import { api, body } from '$lib/server/http/api';
import { bookingDefaults, setBookingDefaults } from '$lib/server/facilities/resource.service';

export const GET = api(async (e) => bookingDefaults(e.params.site!));
export const PATCH = api(async (e) => ({ site: await setBookingDefaults(e.locals.actor, e.params.site!, await body(e)) }));
