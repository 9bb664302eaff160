import { api } from '$lib/server/http/api';
import { hostOf } from '$lib/server/directory/host';
import { issuerDocument, issuerOf } from '$lib/server/training/credentials/keys';

export const GET = api(async (e) => issuerDocument(await issuerOf(await hostOf(e.params.slug!))));
