import { api } from '$lib/server/http/api';
import { setHolidayOpen } from '$lib/server/facilities/closure.service';

export const DELETE = api(async (e) => setHolidayOpen(e.locals.actor, e.params.site!, { day: e.params.day }, false));
