import type { PageServerLoad } from './$types';
import { findCourses } from '$lib/server/training/course.service';
import { myTraining } from '$lib/server/training/progress.service';

/** The whole network's training catalogue (or a search of it), and what I have enrolled in. */
export const load: PageServerLoad = async ({ url, locals }) => {
	const q = url.searchParams.get('q')?.slice(0, 120) ?? '';
	const [courses, mine] = await Promise.all([findCourses(q ? { q } : {}), locals.actor.kind === 'user' ? myTraining(locals.actor) : []]);
	return { q, courses, mine: mine.filter((e) => e.status !== 'cancelled') };
};
