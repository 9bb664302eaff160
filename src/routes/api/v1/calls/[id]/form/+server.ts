import { api, body } from '$lib/server/http/api';
import { getForm, saveForm } from '$lib/server/incubation/application.service';

export const GET = api(async (e) => getForm(e.params.id!));
export const PUT = api(async (e) => saveForm(e.locals.actor, e.params.id!, await body(e)));
