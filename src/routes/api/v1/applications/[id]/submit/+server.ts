import { json } from '@sveltejs/kit';
import { api } from '$lib/server/http/api';
import { submitApplication } from '$lib/server/incubation/application.service';

export const POST = api(async (e) => json(await submitApplication(e.locals.actor, e.params.id!)));
