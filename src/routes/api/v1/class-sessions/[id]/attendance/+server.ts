import { api, body } from '$lib/server/http/api';
import { recordAttendance, sessionAttendance } from '$lib/server/training/progress.service';

export const GET = api(async (e) => sessionAttendance(e.locals.actor, e.params.id!));
export const PUT = api(async (e) => recordAttendance(e.locals.actor, e.params.id!, await body(e)));
