import { m } from '../../paraglide/messages.js';
import type { EmailPayload } from '../platform/outbox.ts';

export type BookingMailKind = 'confirmed' | 'requested' | 'approved' | 'declined' | 'cancelled';

/** Booking e-mails in the recipient's language. */
export function bookingMail(locale: string, kind: BookingMailKind, p: { to: string; name: string; resource: string; site: string; time: string; reason?: string }): EmailPayload {
	const o = { locale: locale === 'en' ? ('en' as const) : ('id' as const) };
	const args = { name: p.name, resource: p.resource, site: p.site, time: p.time, reason: p.reason || '—' };
	const subject = {
		confirmed: m.mail_booking_confirmed_subject,
		requested: m.mail_booking_requested_subject,
		approved: m.mail_booking_approved_subject,
		declined: m.mail_booking_declined_subject,
		cancelled: m.mail_booking_cancelled_subject
	}[kind](args, o);
	const body = {
		confirmed: m.mail_booking_confirmed_body,
		requested: m.mail_booking_requested_body,
		approved: m.mail_booking_approved_body,
		declined: m.mail_booking_declined_body,
		cancelled: m.mail_booking_cancelled_body
	}[kind](args, o);
	return { to: p.to, subject, text: body };
}
