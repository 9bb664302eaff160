import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { signedIn } from '$lib/server/http/guard';
import { attempt, failed, formValues, orError } from '$lib/server/http/form';
import { getSite } from '$lib/server/directory/site.service';
import { createCourse, findCourses } from '$lib/server/training/course.service';
import { can, Permission } from '$lib/server/auth/access';
import { courseInput } from '$lib/server/http/training-form';
import { NETWORK } from '$lib/network';

/** A park's courses, or the network's own (`/sites/jaringan/training`); their managers add new ones here. */
export const load: PageServerLoad = async ({ params, locals }) => {
	const site = params.slug === NETWORK.slug ? { id: null, slug: NETWORK.slug, name: NETWORK.name } : await orError(locals.locale, () => getSite(params.slug));
	const [courses, canManage] = await Promise.all([findCourses({ site: site.slug }), can(locals.actor, Permission.TrainingManage, { siteId: site.id })]);
	return { site, courses, canManage };
};

export const actions: Actions = {
	default: async (event) => {
		const me = signedIn(event);
		const v = formValues(await event.request.formData());
		const res = await attempt(event.locals.locale, v, () => createCourse(me, event.params.slug, courseInput(v)));
		if (failed(res)) return res;
		redirect(303, `/sites/${event.params.slug}/training/${res.slug}`);
	}
};
