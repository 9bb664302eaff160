import { api, body } from '$lib/server/http/api';
import { decisionTexts, saveDecisionTexts } from '$lib/server/incubation/review.service';

export const GET = api(async (e) => decisionTexts(e.locals.actor, e.params.id!));
export const PUT = api(async (e) => saveDecisionTexts(e.locals.actor, e.params.id!, await body(e)));
