import { api, body } from '$lib/server/http/api';
import { getSite, updateSite } from '$lib/server/directory/site.service';

export const GET = api(async (e) => getSite(e.params.site!));
export const PATCH = api(async (e) => updateSite(e.locals.actor, e.params.site!, await body(e)));
