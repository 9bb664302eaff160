import { m } from '../../paraglide/messages.js';
import type { EmailPayload } from '../platform/outbox.ts';

export type ApplicationMailKind = 'submitted';

/** Application e-mails in the applicant's language. They never name reviewers or scores. */
export function applicationMail(locale: string, kind: ApplicationMailKind, p: { to: string; name: string; programme: string; call: string; site: string; time: string }): EmailPayload {
	const o = { locale: locale === 'en' ? ('en' as const) : ('id' as const) };
	const subject = { submitted: m.mail_application_submitted_subject }[kind](p, o);
	const text = { submitted: m.mail_application_submitted_body }[kind](p, o);
	return { to: p.to, subject, text };
}
