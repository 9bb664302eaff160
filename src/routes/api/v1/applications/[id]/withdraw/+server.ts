import { json } from '@sveltejs/kit';
import { api } from '$lib/server/http/api';
import { withdrawApplication } from '$lib/server/incubation/application.service';

export const POST = api(async (e) => json(await withdrawApplication(e.locals.actor, e.params.id!)));
