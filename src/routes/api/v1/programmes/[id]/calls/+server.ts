import { api, body } from '$lib/server/http/api';
import { createCall } from '$lib/server/incubation/programme.service';

export const POST = api(async (e) => createCall(e.locals.actor, e.params.id!, await body(e)));
