import { api, body } from '$lib/server/http/api';
import { getApplication, saveApplication } from '$lib/server/incubation/application.service';

export const GET = api(async (e) => getApplication(e.locals.actor, e.params.id!));
export const PATCH = api(async (e) => saveApplication(e.locals.actor, e.params.id!, await body(e)));
