import type { PageServerLoad } from './$types';
import { signedIn } from '$lib/server/http/guard';
import { myReviews } from '$lib/server/incubation/review.service';

export const load: PageServerLoad = async (event) => ({ reviews: await myReviews(signedIn(event)) });
