import { api, body } from '$lib/server/http/api';
import { getMyProfile, updateMyProfile } from '$lib/server/directory/people.service';

export const GET = api(async (e) => getMyProfile(e.locals.actor));
export const PATCH = api(async (e) => updateMyProfile(e.locals.actor, await body(e)));
