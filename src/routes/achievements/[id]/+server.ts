import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getCourse } from '$lib/server/training/course.service';
import { orError } from '$lib/server/http/form';

/** An achievement's id in a certificate is its course: the address leads to the course's page. */
export const GET: RequestHandler = async ({ params, locals }) => {
	const c = await orError(locals.locale, () => getCourse(params.id));
	redirect(303, `/sites/${c.siteSlug}/training/${c.slug}`);
};
