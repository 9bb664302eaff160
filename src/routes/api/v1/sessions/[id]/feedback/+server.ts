import { json } from '@sveltejs/kit';
import { api, body } from '$lib/server/http/api';
import { giveFeedback } from '$lib/server/incubation/mentoring.service';

export const POST = api(async (e) => json(await giveFeedback(e.locals.actor, e.params.id!, await body(e))));
