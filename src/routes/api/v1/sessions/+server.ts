import { api, body } from '$lib/server/http/api';
import { bookSession } from '$lib/server/incubation/mentoring.service';

export const POST = api(async (e) => bookSession(e.locals.actor, await body(e)));
