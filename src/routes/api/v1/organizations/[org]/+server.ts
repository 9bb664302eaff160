import { api, body } from '$lib/server/http/api';
import { getOrg, updateOrg } from '$lib/server/directory/org.service';

export const GET = api(async (e) => getOrg(e.locals.actor, e.params.org!));
export const PATCH = api(async (e) => updateOrg(e.locals.actor, e.params.org!, await body(e)));
