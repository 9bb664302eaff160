import { fail, type RequestEvent } from '@sveltejs/kit';
import { signedIn } from './guard.ts';
import { formValues } from './form.ts';
import { AppError, statusOf } from '../platform/errors.ts';
import { t } from './translate.ts';
import { approveBooking, cancelBooking, changeBooking, checkIn, declineBooking, getBooking } from '../facilities/booking.service.ts';
import { isLocalTime, localInstant } from '../facilities/time.ts';

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
				const ok = isLocalTime(v.from) && isLocalTime(v.to);
				return changeBooking(e.locals.actor, id, { startsAt: ok ? localInstant(v.date, v.from, b.timeZone) : '', endsAt: ok ? localInstant(v.date, v.to, b.timeZone) : '' });
			},
			'changed'
		);
	}
};

/** The closure form (local dates and times) as service input, read in the park's zone. */
export function blackoutInput(v: Record<string, string>, timeZone: string, resourceId?: string) {
	return { ...(resourceId ? { resourceId } : {}), startsAt: localInstant(v.fromDate, v.fromTime, timeZone), endsAt: localInstant(v.toDate, v.toTime, timeZone), reason: v.reason ?? '' };
}
