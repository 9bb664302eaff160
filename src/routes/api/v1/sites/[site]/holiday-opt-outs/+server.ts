import { api, body } from '$lib/server/http/api';
import { setHolidayOpen } from '$lib/server/facilities/closure.service';

export const POST = api(async (e) => {
	await setHolidayOpen(e.locals.actor, e.params.site!, await body(e), true);
	return new Response(null, { status: 201 });
});
