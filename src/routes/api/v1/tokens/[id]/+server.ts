import { api } from '$lib/server/http/api';
import { revokeToken } from '$lib/server/auth/tokens.service';

export const DELETE = api(async (e) => revokeToken(e.locals.actor, e.params.id!));
