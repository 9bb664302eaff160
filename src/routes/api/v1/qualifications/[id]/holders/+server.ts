import { api, body } from '$lib/server/http/api';
import { grantQualification, qualificationHolders } from '$lib/server/facilities/qualification.service';

export const GET = api(async (e) => ({ items: await qualificationHolders(e.locals.actor, e.params.id!) }));
export const POST = api(async (e) => grantQualification(e.locals.actor, e.params.id!, await body(e)));
