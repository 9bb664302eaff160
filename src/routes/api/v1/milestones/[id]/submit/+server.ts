import { json } from '@sveltejs/kit';
import { api, body } from '$lib/server/http/api';
import { submitMilestone } from '$lib/server/incubation/cohort.service';

export const POST = api(async (e) => json(await submitMilestone(e.locals.actor, e.params.id!, await body(e))));
