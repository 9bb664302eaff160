import { api, body } from '$lib/server/http/api';
import { moveHoliday } from '$lib/server/facilities/closure.service';

export const PATCH = api(async (e) => moveHoliday(e.locals.actor, e.params.id!, await body(e)));
