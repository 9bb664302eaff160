import { api, body } from '$lib/server/http/api';
import { updateTenancy } from '$lib/server/directory/org.service';

export const PATCH = api(async (e) => updateTenancy(e.locals.actor, e.params.id!, await body(e)));
