import { api, body } from '$lib/server/http/api';
import { createClass } from '$lib/server/training/course.service';

export const POST = api(async (e) => createClass(e.locals.actor, e.params.id!, await body(e)));
