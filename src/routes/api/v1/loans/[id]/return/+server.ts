import { json } from '@sveltejs/kit';
import { api, bodyWithPhoto } from '$lib/server/http/api';
import { returnLoan } from '$lib/server/facilities/loan.service';

export const POST = api(async (e) => {
	const { input, photo } = await bodyWithPhoto(e);
	return json(await returnLoan(e.locals.actor, e.params.id!, input, photo));
});
