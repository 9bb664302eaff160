import { api } from '$lib/server/http/api';
import { revokeRole } from '$lib/server/directory/roles.service';

export const DELETE = api(async (e) => revokeRole(e.locals.actor, e.params.id!));
