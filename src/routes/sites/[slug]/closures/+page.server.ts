import { fail, type RequestEvent } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { signedIn } from '$lib/server/http/guard';
import { getSite } from '$lib/server/directory/site.service';
import { addRegionalHoliday, createBlackout, findBlackouts, findHolidays, moveHoliday, removeBlackout, removeRegionalHoliday, setHolidayOpen } from '$lib/server/facilities/closure.service';
import { blackoutInput } from '$lib/server/http/booking-actions';
import { attempt, failed, formValues, orError } from '$lib/server/http/form';
import { can, Permission } from '$lib/server/auth/access';
import { localParts } from '$lib/server/facilities/time';

/**
 * When a park is closed: its closures to come (staff), and the year's holidays — the decree's
 * national days (network admins set the Islamic dates), the days the park stays open anyway and
 * its own regional days (site managers). The holiday list is public.
 */
export const load: PageServerLoad = async ({ params, url, locals }) => {
	const site = await orError(locals.locale, () => getSite(params.slug));
	const today = localParts(new Date(), site.timeZone).date;
	const asked = Number(url.searchParams.get('year'));
	const year = Number.isInteger(asked) && asked >= 2020 && asked <= 2100 ? asked : Number(today.slice(0, 4));
	const [staff, desk, manager, admin] = await Promise.all([
		can(locals.actor, Permission.BookingRead, { siteId: site.id }),
		can(locals.actor, Permission.BookingManage, { siteId: site.id }),
		can(locals.actor, Permission.SiteHolidays, { siteId: site.id }),
		can(locals.actor, Permission.HolidayAdjust, null)
	]);
	const [holidays, blackouts] = await Promise.all([findHolidays({ year, site: site.id }), staff ? findBlackouts(locals.actor, site.id) : []]);
	return { site, today, year, holidays, blackouts, staff, desk, manager, admin };
};

/** Run a closure change from a form; failures come back under the form's own name. */
async function run(event: RequestEvent, name: string, fn: (v: Record<string, string>, siteId: string, timeZone: string) => Promise<unknown>) {
	signedIn(event);
	const v = formValues(await event.request.formData());
	const site = await orError(event.locals.locale, () => getSite(event.params.slug!));
	const res = await attempt(event.locals.locale, v, () => fn(v, site.id, site.timeZone));
	if (failed(res)) return fail(res.status, { [name]: { ...res.data, id: v.id ?? v.day } });
	return { [name]: { done: true, id: v.id ?? v.day } };
}

export const actions = {
	blackout: (e: RequestEvent) => run(e, 'blackout', (v, siteId, tz) => createBlackout(e.locals.actor, siteId, blackoutInput(v, tz))),
	lift: (e: RequestEvent) => run(e, 'lift', (v, siteId) => removeBlackout(e.locals.actor, siteId, v.id ?? '')),
	open: (e: RequestEvent) => run(e, 'holiday', (v, siteId) => setHolidayOpen(e.locals.actor, siteId, { day: v.day }, true)),
	close: (e: RequestEvent) => run(e, 'holiday', (v, siteId) => setHolidayOpen(e.locals.actor, siteId, { day: v.day }, false)),
	regional: (e: RequestEvent) => run(e, 'regional', (v, siteId) => addRegionalHoliday(e.locals.actor, siteId, { day: v.day, nameId: v.nameId, nameEn: v.nameEn ?? '' })),
	remove: (e: RequestEvent) => run(e, 'holiday', (v, siteId) => removeRegionalHoliday(e.locals.actor, siteId, v.id ?? '')),
	move: (e: RequestEvent) => run(e, 'move', (v) => moveHoliday(e.locals.actor, v.id ?? '', { day: v.day }))
};
