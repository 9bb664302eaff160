import { api, body } from '$lib/server/http/api';
import { inviteToRole } from '$lib/server/directory/roles.service';

export const POST = api(async (e) => inviteToRole(e.locals.actor, e.params.site!, await body(e)));
