import { json } from '@sveltejs/kit';
import { api } from '$lib/server/http/api';
import { cancelSession } from '$lib/server/incubation/mentoring.service';

export const POST = api(async (e) => json(await cancelSession(e.locals.actor, e.params.id!)));
