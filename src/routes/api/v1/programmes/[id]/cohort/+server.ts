import { api, body } from '$lib/server/http/api';
import { addMember, listCohort } from '$lib/server/incubation/cohort.service';

export const GET = api(async (e) => ({ items: await listCohort(e.locals.actor, e.params.id!) }));
export const POST = api(async (e) => addMember(e.locals.actor, e.params.id!, await body(e)));
