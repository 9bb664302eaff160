import { api } from '$lib/server/http/api';
import { getMentor } from '$lib/server/incubation/mentoring.service';

export const GET = api(async (e) => getMentor(e.params.id!));
