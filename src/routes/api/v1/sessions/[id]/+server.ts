import { api } from '$lib/server/http/api';
import { getSession } from '$lib/server/incubation/mentoring.service';

export const GET = api(async (e) => getSession(e.locals.actor, e.params.id!));
