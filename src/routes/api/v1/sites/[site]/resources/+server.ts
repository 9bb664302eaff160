import { api, body } from '$lib/server/http/api';
import { createResource } from '$lib/server/facilities/resource.service';

export const POST = api(async (e) => createResource(e.locals.actor, e.params.site!, await body(e)));
