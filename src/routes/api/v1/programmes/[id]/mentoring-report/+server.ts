import { api } from '$lib/server/http/api';
import { mentoringReport } from '$lib/server/incubation/mentoring.service';

export const GET = api(async (e) => mentoringReport(e.locals.actor, e.params.id!));
