import { api } from '$lib/server/http/api';
import { removeMember } from '$lib/server/directory/org.service';

export const DELETE = api(async (e) => removeMember(e.locals.actor, e.params.org!, e.params.userId!));
