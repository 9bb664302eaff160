import { api } from '$lib/server/http/api';
import { getCredential } from '$lib/server/training/credentials/credential.service';

export const GET = api(async (e) => getCredential(e.params.id!));
