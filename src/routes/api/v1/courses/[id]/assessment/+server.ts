import { api, body } from '$lib/server/http/api';
import { setAssessment } from '$lib/server/training/progress.service';

export const PUT = api(async (e) => setAssessment(e.locals.actor, e.params.id!, await body(e)));
