import { api, body } from '$lib/server/http/api';
import { getReview, scoreReview } from '$lib/server/incubation/review.service';

export const GET = api(async (e) => getReview(e.locals.actor, e.params.id!));
export const PUT = api(async (e) => scoreReview(e.locals.actor, e.params.id!, await body(e)));
