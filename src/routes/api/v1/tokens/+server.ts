import { api, body } from '$lib/server/http/api';
import { createToken, findTokens } from '$lib/server/auth/tokens.service';

export const GET = api(async (e) => ({ items: await findTokens(e.locals.actor), nextCursor: null }));
export const POST = api(async (e) => createToken(e.locals.actor, await body(e)));
