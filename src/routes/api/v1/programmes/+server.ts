import { api, query } from '$lib/server/http/api';
import { findProgrammes } from '$lib/server/incubation/programme.service';

export const GET = api(async (e) => ({ items: await findProgrammes(query(e)), nextCursor: null }));
