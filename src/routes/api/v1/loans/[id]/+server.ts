import { api } from '$lib/server/http/api';
import { getLoan } from '$lib/server/facilities/loan.service';

export const GET = api(async (e) => getLoan(e.locals.actor, e.params.id!));
