import { api, body } from '$lib/server/http/api';
import { saveMentorProfile } from '$lib/server/incubation/mentoring.service';

export const PUT = api(async (e) => saveMentorProfile(e.locals.actor, await body(e)));
