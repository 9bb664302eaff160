import { api } from '$lib/server/http/api';
import { mySessions } from '$lib/server/incubation/mentoring.service';

export const GET = api(async (e) => ({ items: await mySessions(e.locals.actor) }));
