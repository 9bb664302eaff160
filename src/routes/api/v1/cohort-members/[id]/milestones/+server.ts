import { api, body } from '$lib/server/http/api';
import { addMilestone } from '$lib/server/incubation/cohort.service';

export const POST = api(async (e) => addMilestone(e.locals.actor, e.params.id!, await body(e)));
