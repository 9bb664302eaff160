import { api, query } from '$lib/server/http/api';
import { ranking } from '$lib/server/incubation/review.service';

export const GET = api(async (e) => ranking(e.locals.actor, e.params.id!, query(e)));
