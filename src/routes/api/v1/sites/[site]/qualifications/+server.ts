import { api, body } from '$lib/server/http/api';
import { createQualification, findQualifications } from '$lib/server/facilities/qualification.service';

export const GET = api(async (e) => ({ items: await findQualifications(e.params.site!) }));
export const POST = api(async (e) => createQualification(e.locals.actor, e.params.site!, await body(e)));
