import { api, body } from '$lib/server/http/api';
import { addRegionalHoliday } from '$lib/server/facilities/closure.service';

export const POST = api(async (e) => addRegionalHoliday(e.locals.actor, e.params.site!, await body(e)));
