import { json } from '@sveltejs/kit';
import { api, body } from '$lib/server/http/api';
import { verifyCredential } from '$lib/server/training/credentials/credential.service';

export const POST = api(async (e) => json(await verifyCredential(await body(e))));
