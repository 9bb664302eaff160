import { api } from '$lib/server/http/api';
import { sessionIcs } from '$lib/server/incubation/mentoring.service';

export const GET = api(async (e) => new Response(await sessionIcs(e.locals.actor, e.params.id!), { headers: { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': 'attachment; filename="sesi-mentoring.ics"' } }));
