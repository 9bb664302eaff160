import { api } from '$lib/server/http/api';
import { removeRegionalHoliday } from '$lib/server/facilities/closure.service';

export const DELETE = api(async (e) => removeRegionalHoliday(e.locals.actor, e.params.site!, e.params.id!));
