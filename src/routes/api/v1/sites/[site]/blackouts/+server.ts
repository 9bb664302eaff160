import { api, body } from '$lib/server/http/api';
import { createBlackout } from '$lib/server/facilities/qualification.service';

export const POST = api(async (e) => createBlackout(e.locals.actor, e.params.site!, await body(e)));
