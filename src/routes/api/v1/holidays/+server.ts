import { api, query } from '$lib/server/http/api';
import { findHolidays } from '$lib/server/facilities/closure.service';

export const GET = api(async (e) => ({ items: await findHolidays(query(e)), nextCursor: null }));
