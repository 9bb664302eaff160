import { api, body } from '$lib/server/http/api';
import { createCourse } from '$lib/server/training/course.service';

export const POST = api(async (e) => createCourse(e.locals.actor, e.params.site!, await body(e)));
