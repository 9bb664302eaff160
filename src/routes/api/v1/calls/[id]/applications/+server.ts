import { api, body, list, pageOf, query } from '$lib/server/http/api';
import { listApplications, startApplication } from '$lib/server/incubation/application.service';
import { applicationColumns } from '$lib/server/http/application-columns';

export const GET = api(async (e) => list(e, await listApplications(e.locals.actor, e.params.id!, query(e), pageOf(e)), applicationColumns, 'lamaran'));
export const POST = api(async (e) => startApplication(e.locals.actor, e.params.id!, await body(e)));
