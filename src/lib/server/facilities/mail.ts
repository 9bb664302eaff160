import { m } from '../../paraglide/messages.js';
import type { EmailPayload } from '../platform/outbox.ts';
import { asLocale } from '../../i18n/format.ts';

export type BookingMailKind = 'confirmed' | 'requested' | 'approved' | 'declined' | 'cancelled' | 'changed' | 'reminder' | 'released';

/** Booking e-mails in the recipient's language; `ics` (an iCalendar text) is attached when given. */
export function bookingMail(locale: string, kind: BookingMailKind, p: { to: string; name: string; resource: string; site: string; time: string; reason?: string; ics?: string }): EmailPayload {
	const o = { locale: asLocale(locale) };
	const args = { name: p.name, resource: p.resource, site: p.site, time: p.time, reason: p.reason || '—' };
	const subject = {
		confirmed: m.mail_booking_confirmed_subject,
		requested: m.mail_booking_requested_subject,
		approved: m.mail_booking_approved_subject,
		declined: m.mail_booking_declined_subject,
		cancelled: m.mail_booking_cancelled_subject,
		changed: m.mail_booking_changed_subject,
		reminder: m.mail_booking_reminder_subject,
		released: m.mail_booking_released_subject
	}[kind](args, o);
	const body = {
		confirmed: m.mail_booking_confirmed_body,
		requested: m.mail_booking_requested_body,
		approved: m.mail_booking_approved_body,
		declined: m.mail_booking_declined_body,
		cancelled: m.mail_booking_cancelled_body,
		changed: m.mail_booking_changed_body,
		reminder: m.mail_booking_reminder_body,
		released: m.mail_booking_released_body
	}[kind](args, o);
	const attachments = p.ics ? [{ filename: m.mail_ics_name({}, o), contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: p.ics }] : undefined;
	return { to: p.to, subject, text: body, ...(attachments ? { attachments } : {}) };
}

export type LoanMailKind = 'out' | 'due' | 'overdue' | 'returned';

/** Equipment loan e-mails in the borrower's language. */
export function loanMail(locale: string, kind: LoanMailKind, p: { to: string; name: string; resource: string; site: string; due: string }): EmailPayload {
	const o = { locale: asLocale(locale) };
	const args = { name: p.name, resource: p.resource, site: p.site, due: p.due };
	const subject = { out: m.mail_loan_out_subject, due: m.mail_loan_due_subject, overdue: m.mail_loan_overdue_subject, returned: m.mail_loan_returned_subject }[kind](args, o);
	const body = { out: m.mail_loan_out_body, due: m.mail_loan_due_body, overdue: m.mail_loan_overdue_body, returned: m.mail_loan_returned_body }[kind](args, o);
	return { to: p.to, subject, text: body };
}
