import { api, query } from '$lib/server/http/api';
import { listMentors } from '$lib/server/incubation/mentoring.service';
import { parse } from '$lib/schemas/validate';
import { zMentorQuery } from '$lib/schemas/incubation';

export const GET = api(async (e) => ({ items: await listMentors(parse(zMentorQuery, query(e))) }));
