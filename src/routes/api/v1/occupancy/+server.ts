import { api, list, query } from '$lib/server/http/api';
import { occupancyReport } from '$lib/server/facilities/occupancy.service';
import { occupancyColumns } from '$lib/server/http/occupancy-columns';

export const GET = api(async (e) => {
	const r = await occupancyReport(e.locals.actor, null, query(e));
	return e.url.searchParams.get('format') ? list(e, { items: r.rows, nextCursor: null }, occupancyColumns, `occupancy-${r.from}-${r.to}`) : r;
});
