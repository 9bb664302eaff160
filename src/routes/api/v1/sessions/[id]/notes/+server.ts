import { api, body } from '$lib/server/http/api';
import { saveNotes } from '$lib/server/incubation/mentoring.service';

export const PUT = api(async (e) => saveNotes(e.locals.actor, e.params.id!, await body(e)));
