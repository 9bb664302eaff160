import { api } from '$lib/server/http/api';
import { revokeQualification } from '$lib/server/facilities/qualification.service';

export const DELETE = api(async (e) => revokeQualification(e.locals.actor, e.params.id!, e.params.userId!));
