import { api } from '$lib/server/http/api';
import { statusListCredential } from '$lib/server/training/credentials/credential.service';

export const GET = api(async (e) => statusListCredential(e.params.slug!));
