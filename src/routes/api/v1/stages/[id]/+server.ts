import { api, body } from '$lib/server/http/api';
import { updateStage } from '$lib/server/incubation/review.service';

export const PATCH = api(async (e) => updateStage(e.locals.actor, e.params.id!, await body(e)));
