import { api } from '$lib/server/http/api';
import { myTraining } from '$lib/server/training/progress.service';

export const GET = api(async (e) => ({ items: await myTraining(e.locals.actor), nextCursor: null }));
