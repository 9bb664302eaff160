import { api, body } from '$lib/server/http/api';
import { getKpiForm, saveKpiForm } from '$lib/server/incubation/kpi.service';

export const GET = api(async (e) => getKpiForm(e.locals.actor, e.params.id!));
export const PUT = api(async (e) => saveKpiForm(e.locals.actor, e.params.id!, await body(e)));
