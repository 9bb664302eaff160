import { api, body } from '$lib/server/http/api';
import { createPlan, findPlans } from '$lib/server/facilities/plan.service';

export const GET = api(async (e) => ({ items: await findPlans(e.locals.actor, e.params.site!) }));
export const POST = api(async (e) => createPlan(e.locals.actor, e.params.site!, await body(e)));
