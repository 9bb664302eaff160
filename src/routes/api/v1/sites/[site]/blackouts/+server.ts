import { api, body } from '$lib/server/http/api';
import { createBlackout, findBlackouts } from '$lib/server/facilities/closure.service';

export const GET = api(async (e) => ({ items: await findBlackouts(e.locals.actor, e.params.site!), nextCursor: null }));
export const POST = api(async (e) => createBlackout(e.locals.actor, e.params.site!, await body(e)));
