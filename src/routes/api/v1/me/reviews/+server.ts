import { api } from '$lib/server/http/api';
import { myReviews } from '$lib/server/incubation/review.service';

export const GET = api(async (e) => ({ items: await myReviews(e.locals.actor) }));
