import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { signedIn } from '$lib/server/http/guard';
import { attempt, failed, formValues, orError } from '$lib/server/http/form';
import { bookSession, freeSlots, getMentor } from '$lib/server/incubation/mentoring.service';
import { myCohorts } from '$lib/server/incubation/cohort.service';
import { findResources } from '$lib/server/facilities/resource.service';
import { NETWORK } from '$lib/network';

export const load: PageServerLoad = async ({ params, locals }) => {
	const mentor = await orError(locals.locale, () => getMentor(params.id));
	const slots = await freeSlots(mentor.id, { days: 14 });
	// Startups I can book for: my cohorts at a park where this mentor mentors, or in a programme of the network (any park's mentor).
	const here = new Set(mentor.sites.map((s) => s.slug));
	const plans = locals.actor.kind === 'user' ? (await myCohorts(locals.actor)).filter((c) => here.has(c.siteSlug) || c.siteSlug === NETWORK.slug) : [];
	// Meeting rooms of those parks the booker may book: open to tenants or the public, or to members when they hold a role there.
	const roles = locals.actor.kind === 'user' ? new Set(locals.actor.roles.map((r) => r.siteId)) : new Set<string>();
	const rooms = plans.length
		? (await Promise.all([...new Set(plans.flatMap((p) => (p.siteSlug === NETWORK.slug ? [...here] : [p.siteSlug])))].map((site) => findResources({ site, kind: 'meeting_room' }))))
				.flat()
				.filter((r) => r.bookableBy !== 'site_members' || roles.has(r.siteId))
				.map((r) => ({ id: r.id, name: r.name, siteName: r.siteName, capacity: r.capacity }))
		: [];
	return { mentor, slots, plans, rooms, signedIn: locals.actor.kind === 'user' };
};

export const actions: Actions = {
	book: async (event) => {
		const me = signedIn(event);
		const v = formValues(await event.request.formData());
		const res = await attempt(event.locals.locale, v, () => bookSession(me, { mentorId: event.params.id, memberId: v.memberId ?? '', startsAt: v.startsAt ?? '', mode: v.mode ?? 'online', resourceId: v.mode === 'on_site' ? v.resourceId || undefined : undefined, team: v.team === 'on', topic: v.topic ?? '' }));
		if (failed(res)) return fail(res.status, res.data);
		redirect(303, `/mentoring/${res.id}`);
	}
};
