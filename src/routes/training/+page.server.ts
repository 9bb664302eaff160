import type { PageServerLoad } from './$types';
import { findCourses, myEnrolments } from '$lib/server/training/course.service';

/** The whole network's training catalogue (or a search of it), and what I have enrolled in. */
export const load: PageServerLoad = async ({ url, locals }) => {
	const q = url.searchParams.get('q')?.slice(0, 120) ?? '';
	const [courses, mine] = await Promise.all([findCourses(q ? { q } : {}), locals.actor.kind === 'user' ? myEnrolments(locals.actor) : []]);
	return { q, courses, mine: mine.filter((e) => e.status !== 'cancelled') };
};
