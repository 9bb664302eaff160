import { json } from '@sveltejs/kit';
import { api, body } from '$lib/server/http/api';
import { returnLoan } from '$lib/server/facilities/loan.service';

export const POST = api(async (e) => json(await returnLoan(e.locals.actor, e.params.id!, await body(e))));
