import { api, query } from '$lib/server/http/api';
import { freeSlots } from '$lib/server/incubation/mentoring.service';

export const GET = api(async (e) => ({ items: await freeSlots(e.params.id!, query(e)) }));
