import { api, body } from '$lib/server/http/api';
import { setOfficeHours } from '$lib/server/incubation/mentoring.service';

export const PUT = api(async (e) => ({ items: await setOfficeHours(e.locals.actor, await body(e)) }));
