import { api, query } from '$lib/server/http/api';
import { siteCalendar } from '$lib/server/facilities/calendar.service';

export const GET = api(async (e) => siteCalendar(e.locals.actor, e.params.site!, query(e)));
