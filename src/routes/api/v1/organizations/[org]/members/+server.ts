import { api, body } from '$lib/server/http/api';
import { addMember } from '$lib/server/directory/org.service';

export const POST = api(async (e) => addMember(e.locals.actor, e.params.org!, await body(e)));
