import { json } from '@sveltejs/kit';
import { api, body } from '$lib/server/http/api';
import { assignReviewers } from '$lib/server/incubation/review.service';

export const POST = api(async (e) => json(await assignReviewers(e.locals.actor, e.params.id!, await body(e))));
