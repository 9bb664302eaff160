import { api } from '$lib/server/http/api';
import { exportMyData } from '$lib/server/directory/people.service';

export const GET = api(async (e) => exportMyData(e.locals.actor));
