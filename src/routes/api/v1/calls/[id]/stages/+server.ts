import { api, body } from '$lib/server/http/api';
import { createStage, listStages } from '$lib/server/incubation/review.service';

export const GET = api(async (e) => ({ items: await listStages(e.locals.actor, e.params.id!) }));
export const POST = api(async (e) => createStage(e.locals.actor, e.params.id!, await body(e)));
