import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { attempt, orError, formValues, type FormFailure, failed } from '$lib/server/http/form';
import { addMaintenance, canLend, findLoans, maintenanceOf } from '$lib/server/facilities/loan.service';
import { createBlackout } from '$lib/server/facilities/closure.service';
import { blackoutInput } from '$lib/server/http/booking-actions';
import { conditions, maintenanceKinds } from '$lib/server/facilities/schema';
import QRCode from 'qrcode';
import { readConfig } from '$lib/server/config';
import { can, Permission } from '$lib/server/auth/access';
import { signedIn } from '$lib/server/http/guard';
import { getResource } from '$lib/server/facilities/resource.service';
import { availability, createBooking } from '$lib/server/facilities/booking.service';
import { allowancesFor } from '$lib/server/facilities/plan.service';
import { addDays, isLocalDate, localInstant, localParts } from '$lib/server/facilities/time';
import { AppError, statusOf } from '$lib/server/platform/errors';
import { t, translateFields } from '$lib/server/http/translate';
import { db } from '$lib/server/db/client';
import { orgMember, organization } from '$lib/server/directory/schema';
import { eq } from 'drizzle-orm';

export const load: PageServerLoad = async ({ params, url, locals }) => {
	const resource = await orError(locals.locale, () => getResource(params.id));
	const today = localParts(new Date(), resource.timeZone).date;
	const asked = url.searchParams.get('week');
	const start = isLocalDate(asked) ? asked : today;
	const week = await availability(locals.actor, resource.id, { from: start, to: addDays(start, 6) });
	const orgs =
		locals.actor.kind === 'user'
			? await db().select({ id: organization.id, name: organization.name }).from(orgMember).innerJoin(organization, eq(organization.id, orgMember.orgId)).where(eq(orgMember.userId, locals.actor.userId))
			: [];
	// The loan desk's view of an item: who has it, its history and maintenance (staff only).
	const desk = resource.class === 'equipment' && (await canLend(locals.actor, resource.siteId));
	const [loans, maintenance] = await Promise.all([desk ? findLoans(locals.actor, { resource: resource.id }) : [], desk ? maintenanceOf(locals.actor, resource.id) : []]);
	// The door sign: a QR code of the check-in address, for the staff to print.
	const qr = (await can(locals.actor, Permission.BookingManage, { siteId: resource.siteId })) ? await QRCode.toString(`${readConfig().origin}/facilities/${resource.id}/check-in`, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }) : null;
	const allowances = orgs.length ? await allowancesFor(locals.actor, resource, resource.timeZone) : [];
	return {
		resource,
		allowances,
		qr,
		desk,
		loans,
		maintenance,
		maintenanceKinds,
		conditions,
		week,
		start,
		prev: addDays(start, -7),
		next: addDays(start, 7),
		today,
		orgs,
		q: { date: url.searchParams.get('date') ?? '', from: url.searchParams.get('from') ?? '', to: url.searchParams.get('to') ?? '' }
	};
};

export const actions: Actions = {
	/** Staff close this facility for a time (local dates and times of the park). */
	blackout: async (event) => {
		const me = signedIn(event);
		const v = formValues(await event.request.formData());
		const r = await getResource(event.params.id);
		const res = await attempt(event.locals.locale, v, () => createBlackout(me, r.siteId, blackoutInput(v, r.timeZone, r.id)));
		if (failed(res)) return fail(res.status, { blackout: res.data as FormFailure });
		return { blackout: { done: true } };
	},
	maintenance: async (event) => {
		const me = signedIn(event);
		const v = formValues(await event.request.formData());
		const res = await attempt(event.locals.locale, v, () => addMaintenance(me, event.params.id, { ...v, costIdr: v.costIdr ? v.costIdr.replace(/[.\s]/g, '') : undefined }));
		if (failed(res)) return fail(res.status, { maintenance: res.data as FormFailure });
		return { maintenance: { done: true } };
	},
	book: async (event) => {
		const me = signedIn(event);
		const v = formValues(await event.request.formData());
		const resource = await getResource(event.params.id);
		const locale = event.locals.locale;
		const startsAt = localInstant(v.date, v.from, resource.timeZone);
		const endsAt = localInstant(v.date, v.to, resource.timeZone);
		if (!startsAt || !endsAt)
			return fail(422, { values: v, message: t('err_validation', {}, locale), errors: translateFields([{ field: 'date', key: 'err_field_required' }], locale) });
		const count = Number(v.count || 1);
		const input = {
			resourceId: resource.id,
			startsAt,
			endsAt,
			title: v.title ?? '',
			organizationId: v.organizationId || null,
			seats: Number(v.seats || 1),
			...(v.repeat === 'daily' || v.repeat === 'weekly' ? { recurrence: { frequency: v.repeat, count } } : {}),
			skipConflicts: v.skipConflicts === 'on',
			dryRun: v.intent === 'check'
		};
		try {
			const res = await createBooking(me, input);
			return { values: v, result: { booked: res.bookings.length, status: res.status, free: res.free, skipped: res.skipped.map((s) => ({ ...s, message: t(s.code, s.params, locale) })), dryRun: input.dryRun } };
		} catch (e) {
			if (!(e instanceof AppError)) throw e;
			const skipped = e.fields.filter((f) => f.field.startsWith('occurrences.')).map((f) => ({ index: Number(f.field.split('.')[1]), message: t(f.key, f.params, locale) }));
			return fail(statusOf(e.code), { values: v, message: t(e.key, e.params, locale), occurrences: skipped });
		}
	}
};
