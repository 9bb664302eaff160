import { api, body } from '$lib/server/http/api';
import { classProgress, recordScores } from '$lib/server/training/progress.service';

export const GET = api(async (e) => classProgress(e.locals.actor, e.params.id!));
export const PUT = api(async (e) => recordScores(e.locals.actor, e.params.id!, await body(e)));
