import { json } from '@sveltejs/kit';
import { api, body } from '$lib/server/http/api';
import { unassignReviewer } from '$lib/server/incubation/review.service';

export const POST = api(async (e) => json(await unassignReviewer(e.locals.actor, e.params.id!, await body(e))));
