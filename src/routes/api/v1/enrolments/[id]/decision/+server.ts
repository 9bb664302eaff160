import { json } from '@sveltejs/kit';
import { api, body } from '$lib/server/http/api';
import { decideEnrolment } from '$lib/server/training/course.service';

export const POST = api(async (e) => json(await decideEnrolment(e.locals.actor, e.params.id!, await body(e))));
