import { api, body } from '$lib/server/http/api';
import { deleteMilestone, updateMilestone } from '$lib/server/incubation/cohort.service';

export const PATCH = api(async (e) => updateMilestone(e.locals.actor, e.params.id!, await body(e)));
export const DELETE = api(async (e) => deleteMilestone(e.locals.actor, e.params.id!));
