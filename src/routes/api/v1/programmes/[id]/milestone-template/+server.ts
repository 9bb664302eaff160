import { api, body } from '$lib/server/http/api';
import { saveMilestoneTemplate } from '$lib/server/incubation/cohort.service';

export const PUT = api(async (e) => saveMilestoneTemplate(e.locals.actor, e.params.id!, await body(e)));
