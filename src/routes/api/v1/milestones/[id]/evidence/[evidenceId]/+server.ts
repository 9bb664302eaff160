import { api } from '$lib/server/http/api';
import { fileResponse } from '$lib/server/http/form';
import { getEvidence } from '$lib/server/incubation/cohort.service';

export const GET = api(async (e) => fileResponse(await getEvidence(e.locals.actor, e.params.id!, e.params.evidenceId!)));
