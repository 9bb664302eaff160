import { api } from '$lib/server/http/api';
import { removeBlackout } from '$lib/server/facilities/closure.service';

export const DELETE = api(async (e) => removeBlackout(e.locals.actor, e.params.site!, e.params.id!));
