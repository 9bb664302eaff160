import { api, body } from '$lib/server/http/api';
import { getProgramme, updateProgramme } from '$lib/server/incubation/programme.service';

export const GET = api(async (e) => getProgramme(e.params.id!));
export const PATCH = api(async (e) => updateProgramme(e.locals.actor, e.params.id!, await body(e)));
