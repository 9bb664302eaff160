import { api } from '$lib/server/http/api';
import { myCohorts } from '$lib/server/incubation/cohort.service';

export const GET = api(async (e) => ({ items: await myCohorts(e.locals.actor) }));
