import { api } from '$lib/server/http/api';
import { sessionCode } from '$lib/server/training/progress.service';

export const GET = api(async (e) => sessionCode(e.locals.actor, e.params.id!));
