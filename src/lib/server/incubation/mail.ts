import { m } from '../../paraglide/messages.js';
import type { EmailPayload } from '../platform/outbox.ts';
import { asLocale } from '../../i18n/format.ts';

export type ApplicationMailKind = 'submitted' | 'advanced' | 'accepted' | 'rejected';

/** Application e-mails in the applicant's language. They never name reviewers or scores. */
export function applicationMail(locale: string, kind: ApplicationMailKind, p: { to: string; name: string; programme: string; call: string; site: string; time: string; stage?: string }): EmailPayload {
	const o = { locale: asLocale(locale) };
	const args = { ...p, stage: p.stage ?? '' };
	const subject = { submitted: m.mail_application_submitted_subject, advanced: m.mail_application_advanced_subject, accepted: m.mail_application_accepted_subject, rejected: m.mail_application_rejected_subject }[kind](args, o);
	const text = { submitted: m.mail_application_submitted_body, advanced: m.mail_application_advanced_body, accepted: m.mail_application_accepted_body, rejected: m.mail_application_rejected_body }[kind](args, o);
	return { to: p.to, subject, text };
}

/** To a reviewer given new reviews: how many, in which stage, and where to find them. Never who applied. */
export function reviewerMail(locale: string, p: { to: string; name: string; count: number; stage: string; programme: string; call: string; link: string }): EmailPayload {
	const o = { locale: asLocale(locale) };
	return { to: p.to, subject: m.mail_review_assigned_subject(p, o), text: m.mail_review_assigned_body(p, o) };
}
