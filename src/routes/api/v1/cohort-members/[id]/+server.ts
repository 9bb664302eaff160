import { api } from '$lib/server/http/api';
import { getMember } from '$lib/server/incubation/cohort.service';

export const GET = api(async (e) => getMember(e.locals.actor, e.params.id!));
