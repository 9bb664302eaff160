import { json } from '@sveltejs/kit';
import { api, body } from '$lib/server/http/api';
import { revokeCredential } from '$lib/server/training/credentials/credential.service';

export const POST = api(async (e) => json(await revokeCredential(e.locals.actor, e.params.id!, await body(e))));
