import { api } from '$lib/server/http/api';
import { memberKpi } from '$lib/server/incubation/kpi.service';

export const GET = api(async (e) => memberKpi(e.locals.actor, e.params.id!));
