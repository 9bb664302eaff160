import { api } from '$lib/server/http/api';
import { myCredentials } from '$lib/server/training/credentials/credential.service';

export const GET = api(async (e) => ({ items: await myCredentials(e.locals.actor), nextCursor: null }));
