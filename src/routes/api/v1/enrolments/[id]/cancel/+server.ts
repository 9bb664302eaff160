import { json } from '@sveltejs/kit';
import { api } from '$lib/server/http/api';
import { cancelEnrolment } from '$lib/server/training/course.service';

export const POST = api(async (e) => json(await cancelEnrolment(e.locals.actor, e.params.id!)));
