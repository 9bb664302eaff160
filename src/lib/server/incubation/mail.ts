import { m } from '../../paraglide/messages.js';
import type { EmailPayload } from '../platform/outbox.ts';

export type ApplicationMailKind = 'submitted' | 'advanced' | 'accepted' | 'rejected';

/** Application e-mails in the applicant's language. They never name reviewers or scores. */
export function applicationMail(locale: string, kind: ApplicationMailKind, p: { to: string; name: string; programme: string; call: string; site: string; time: string; stage?: string }): EmailPayload {
	const o = { locale: locale === 'en' ? ('en' as const) : ('id' as const) };
	const args = { ...p, stage: p.stage ?? '' };
	const subject = { submitted: m.mail_application_submitted_subject, advanced: m.mail_application_advanced_subject, accepted: m.mail_application_accepted_subject, rejected: m.mail_application_rejected_subject }[kind](args, o);
	const text = { submitted: m.mail_application_submitted_body, advanced: m.mail_application_advanced_body, accepted: m.mail_application_accepted_body, rejected: m.mail_application_rejected_body }[kind](args, o);
	return { to: p.to, subject, text };
}
