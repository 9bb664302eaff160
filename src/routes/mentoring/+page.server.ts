import type { PageServerLoad } from './$types';
import { signedIn } from '$lib/server/http/guard';
import { mySessions } from '$lib/server/incubation/mentoring.service';

export const load: PageServerLoad = async (event) => {
	const me = signedIn(event);
	return { sessions: await mySessions(me), mentor: me.roles.some((r) => r.role === 'mentor'), now: new Date().toISOString() };
};
