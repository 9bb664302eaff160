import { api, body } from '$lib/server/http/api';
import { submitKpiReport } from '$lib/server/incubation/kpi.service';

export const PUT = api(async (e) => submitKpiReport(e.locals.actor, e.params.id!, e.params.period!, await body(e)));
