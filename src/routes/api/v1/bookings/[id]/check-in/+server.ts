import { json } from '@sveltejs/kit';
import { api } from '$lib/server/http/api';
import { checkIn } from '$lib/server/facilities/booking.service';

export const POST = api(async (e) => json(await checkIn(e.locals.actor, e.params.id!)));
