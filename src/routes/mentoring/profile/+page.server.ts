import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { signedIn } from '$lib/server/http/guard';
import { attempt, commaList, failed, formValues } from '$lib/server/http/form';
import { getMentor, saveMentorProfile, setOfficeHours } from '$lib/server/incubation/mentoring.service';
import { t } from '$lib/server/http/translate';

export const load: PageServerLoad = async (event) => {
	const me = signedIn(event);
	if (!me.roles.some((r) => r.role === 'mentor')) error(403, t('err_not_a_mentor', {}, event.locals.locale));
	const mentor = await getMentor(me.userId);
	return { mentor, sites: me.roles.filter((r) => r.role === 'mentor').map((r) => ({ id: r.siteId, name: mentor.sites.find((s) => s.id === r.siteId)?.name ?? '' })) };
};

/** Office-hours rows come as weekday_0, from_0, to_0, slot_0, online_0, site_0 …; rows without a start are dropped. */
function hoursOf(v: Record<string, string>) {
	const rows = Object.keys(v)
		.filter((k) => /^from_\d+$/.test(k))
		.map((k) => Number(k.slice(5)))
		.sort((a, b) => a - b);
	return rows.filter((i) => v[`from_${i}`]).map((i) => ({ weekday: v[`weekday_${i}`], startsAt: v[`from_${i}`], endsAt: v[`to_${i}`], slotMinutes: v[`slot_${i}`] || 60, online: v[`online_${i}`] === 'on', siteId: v[`site_${i}`] || undefined }));
}

export const actions: Actions = {
	profile: async (event) => {
		const me = signedIn(event);
		const v = formValues(await event.request.formData());
		const res = await attempt(event.locals.locale, v, () => saveMentorProfile(me, { headline: v.headline ?? '', bio: v.bio ?? '', expertise: commaList(v.expertise), languages: commaList(v.languages), timeZone: v.timeZone, active: v.active === 'on' }));
		if (failed(res)) return fail(res.status, { form: 'profile', ...res.data });
		return { form: 'profile', done: true };
	},
	hours: async (event) => {
		const me = signedIn(event);
		const v = formValues(await event.request.formData());
		const res = await attempt(event.locals.locale, v, () => setOfficeHours(me, { hours: hoursOf(v) }));
		if (failed(res)) return fail(res.status, { form: 'hours', ...res.data });
		return { form: 'hours', done: true };
	}
};
