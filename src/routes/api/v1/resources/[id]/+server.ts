import { api, body } from '$lib/server/http/api';
import { getResource, updateResource } from '$lib/server/facilities/resource.service';

export const GET = api(async (e) => getResource(e.params.id!));
export const PATCH = api(async (e) => updateResource(e.locals.actor, e.params.id!, await body(e)));
