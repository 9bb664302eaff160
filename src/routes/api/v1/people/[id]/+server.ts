import { api } from '$lib/server/http/api';
import { getPerson } from '$lib/server/directory/people.service';

export const GET = api(async (e) => getPerson(e.locals.actor, e.params.id!));
