import { api, body } from '$lib/server/http/api';
import { updateCall } from '$lib/server/incubation/programme.service';

export const PATCH = api(async (e) => updateCall(e.locals.actor, e.params.id!, await body(e)));
