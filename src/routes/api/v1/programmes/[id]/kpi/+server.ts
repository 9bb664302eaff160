import { api, list } from '$lib/server/http/api';
import { kpiDashboard, kpiExport } from '$lib/server/incubation/kpi.service';

/** The dashboard as JSON; with ?format=csv|xlsx every report, one row per startup and period. */
export const GET = api(async (e) => {
	if (!e.url.searchParams.get('format')) return kpiDashboard(e.locals.actor, e.params.id!);
	const { items, columns } = await kpiExport(e.locals.actor, e.params.id!);
	return list(e, { items, nextCursor: null }, columns, 'laporan-kpi');
});
