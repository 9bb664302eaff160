import { m } from '../../paraglide/messages.js';
import type { EmailPayload } from '../platform/outbox.ts';
import type { Locale } from '../../i18n/format.ts';

export type TrainingMailKind = 'enrolled' | 'waitlisted' | 'pending' | 'promoted' | 'declined';

const subjects = { enrolled: m.mail_enrol_enrolled_subject, waitlisted: m.mail_enrol_waitlisted_subject, pending: m.mail_enrol_pending_subject, promoted: m.mail_enrol_promoted_subject, declined: m.mail_enrol_declined_subject };
const bodies = { enrolled: m.mail_enrol_enrolled_body, waitlisted: m.mail_enrol_waitlisted_body, pending: m.mail_enrol_pending_body, promoted: m.mail_enrol_promoted_body, declined: m.mail_enrol_declined_body };

/** To a participant about their place in a class, in their language. */
export function trainingMail(locale: Locale, kind: TrainingMailKind, p: { to: string; name: string; course: string; class: string; site: string; start: string; reason: string; link: string }): EmailPayload {
	const o = { locale };
	const args = { ...p, reason: p.reason || '—' };
	return { to: p.to, subject: subjects[kind](args, o), text: bodies[kind](args, o) };
}
