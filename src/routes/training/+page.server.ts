import type { PageServerLoad } from './$types';
import { findCourses } from '$lib/server/training/course.service';
import { myTraining } from '$lib/server/training/progress.service';
import { myCredentials } from '$lib/server/training/credentials/credential.service';

/** The whole network's training catalogue (or a search of it), and what I have enrolled in. */
export const load: PageServerLoad = async ({ url, locals }) => {
	const q = url.searchParams.get('q')?.slice(0, 120) ?? '';
	const signedIn = locals.actor.kind === 'user';
	const [courses, mine, credentials] = await Promise.all([findCourses(q ? { q } : {}), signedIn ? myTraining(locals.actor) : [], signedIn ? myCredentials(locals.actor) : []]);
	const now = new Date().toISOString();
	return { q, courses, mine: mine.filter((e) => e.status !== 'cancelled'), credentials: credentials.map(({ document: _d, ...c }) => ({ ...c, expired: !!c.validUntil && c.validUntil <= now })) };
};
