import { api } from '$lib/server/http/api';
import { myApplications } from '$lib/server/incubation/application.service';

export const GET = api(async (e) => ({ items: await myApplications(e.locals.actor) }));
