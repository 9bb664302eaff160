import { api } from '$lib/server/http/api';
import { findSiteRoles } from '$lib/server/directory/roles.service';

export const GET = api(async (e) => findSiteRoles(e.locals.actor, e.params.site!));
