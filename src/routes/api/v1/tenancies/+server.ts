import { api, body } from '$lib/server/http/api';
import { createTenancy } from '$lib/server/directory/org.service';

export const POST = api(async (e) => createTenancy(e.locals.actor, await body(e)));
