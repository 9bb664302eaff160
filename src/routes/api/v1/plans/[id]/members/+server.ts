import { api, body } from '$lib/server/http/api';
import { addPlanMember } from '$lib/server/facilities/plan.service';

export const POST = api(async (e) => addPlanMember(e.locals.actor, e.params.id!, await body(e)));
