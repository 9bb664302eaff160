import { json } from '@sveltejs/kit';
import { api, body } from '$lib/server/http/api';
import { checkIn } from '$lib/server/training/progress.service';

export const POST = api(async (e) => json(await checkIn(e.locals.actor, e.params.id!, await body(e))));
