import { api, body } from '$lib/server/http/api';
import { createProgramme } from '$lib/server/incubation/programme.service';

export const POST = api(async (e) => createProgramme(e.locals.actor, e.params.site!, await body(e)));
