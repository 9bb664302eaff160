import { fail, type RequestEvent } from '@sveltejs/kit';
import { signedIn } from './guard.ts';
import { formValues } from './form.ts';
import { AppError, statusOf } from '../platform/errors.ts';
import { t } from './translate.ts';
import { approveBooking, cancelBooking, changeBooking, checkIn, declineBooking, getBooking } from '../facilities/booking.service.ts';
import { hhmm, zonedInstant } from '../facilities/time.ts';

/** The booking buttons shared by "my bookings" and a park's booking desk. */
async function act(event: RequestEvent, fn: (id: string, reason: string) => Promise<unknown>, done: string) {
	signedIn(event);
	const v = formValues(await event.request.formData());
	try {
		await fn(v.id ?? '', v.reason ?? '');
		return { done };
	} catch (e) {
		if (!(e instanceof AppError)) throw e;
		return fail(statusOf(e.code), { message: t(e.fields[0]?.key ?? e.key, e.fields[0]?.params ?? e.params, event.locals.locale) });
	}
}

export const bookingActions = {
	cancel: (e: RequestEvent) => act(e, (id, reason) => cancelBooking(e.locals.actor, id, { reason }), 'cancelled'),
	approve: (e: RequestEvent) => act(e, (id, reason) => approveBooking(e.locals.actor, id, { reason }), 'approved'),
	decline: (e: RequestEvent) => act(e, (id, reason) => declineBooking(e.locals.actor, id, { reason }), 'declined'),
	checkIn: (e: RequestEvent) => act(e, (id) => checkIn(e.locals.actor, id), 'checked_in'),
	/** A new local date and times, read in the park's zone. */
	change: async (e: RequestEvent) => {
		const v = formValues(await e.request.clone().formData());
		return act(
			e,
			async (id) => {
				const b = await getBooking(e.locals.actor, id);
				const ok = /^\d{4}-\d{2}-\d{2}$/.test(v.date ?? '') && /^\d{2}:\d{2}$/.test(v.from ?? '') && /^\d{2}:\d{2}$/.test(v.to ?? '');
				const at = (t: string) => (ok ? zonedInstant(v.date!, hhmm(t), b.timeZone).toISOString() : '');
				return changeBooking(e.locals.actor, id, { startsAt: at(v.from ?? ''), endsAt: at(v.to ?? '') });
			},
			'changed'
		);
	}
};

/** The closure form (local dates and times) as service input, read in the park's zone. */
export function blackoutInput(v: Record<string, string>, timeZone: string, resourceId?: string) {
	const at = (d?: string, h?: string) => (d && /^\d{4}-\d{2}-\d{2}$/.test(d) && h && /^\d{2}:\d{2}$/.test(h) ? zonedInstant(d, hhmm(h), timeZone).toISOString() : '');
	return { ...(resourceId ? { resourceId } : {}), startsAt: at(v.fromDate, v.fromTime), endsAt: at(v.toDate, v.toTime), reason: v.reason ?? '' };
}
