import { api } from '$lib/server/http/api';
import { fileResponse } from '$lib/server/http/form';
import { getFile } from '$lib/server/incubation/application.service';

export const GET = api(async (e) => fileResponse(await getFile(e.locals.actor, e.params.id!, e.params.fileId!)));
