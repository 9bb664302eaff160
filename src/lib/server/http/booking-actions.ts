import { fail, type RequestEvent } from '@sveltejs/kit';
import { signedIn } from './guard.ts';
import { formValues } from './form.ts';
import { AppError, statusOf } from '../platform/errors.ts';
import { t } from './translate.ts';
import { approveBooking, cancelBooking, checkIn, declineBooking } from '../facilities/booking.service.ts';

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
	checkIn: (e: RequestEvent) => act(e, (id) => checkIn(e.locals.actor, id), 'checked_in')
};
