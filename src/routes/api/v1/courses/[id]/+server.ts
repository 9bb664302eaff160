import { api, body } from '$lib/server/http/api';
import { getCourse, updateCourse } from '$lib/server/training/course.service';

export const GET = api(async (e) => getCourse(e.params.id!));
export const PATCH = api(async (e) => updateCourse(e.locals.actor, e.params.id!, await body(e)));
