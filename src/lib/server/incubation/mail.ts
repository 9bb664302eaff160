import { m } from '../../paraglide/messages.js';
import type { EmailPayload } from '../platform/outbox.ts';
import { asLocale, formatDate, type Locale } from '../../i18n/format.ts';
import { fillTemplate, templateFields, type DecisionKind, type MailTemplates, type MailText, type TemplateValues } from '../../mail-template.ts';
import { periodLabel, type Frequency } from '../../kpi.ts';

export type ApplicationMailKind = 'submitted' | DecisionKind;

const decisionSubjects = { advanced: m.mail_application_advanced_subject, accepted: m.mail_application_accepted_subject, rejected: m.mail_application_rejected_subject };
const decisionBodies = { advanced: m.mail_application_advanced_body, accepted: m.mail_application_accepted_body, rejected: m.mail_application_rejected_body };

/** The built-in wording of a decision e-mail, its placeholders left in braces for staff to edit. */
export function defaultDecisionText(kind: DecisionKind, locale: Locale): MailText {
	const args = { ...(Object.fromEntries(templateFields.map((f) => [f, `{${f}}`])) as TemplateValues), time: '' };
	return { subject: decisionSubjects[kind](args, { locale }), body: decisionBodies[kind](args, { locale }) };
}

/**
 * Application e-mails in the applicant's language. A decision is worded by the call's template for
 * that language when its staff wrote one. They never name reviewers or scores.
 */
export function applicationMail(locale: string, kind: ApplicationMailKind, p: { to: string; name: string; startup?: string; programme: string; call: string; site: string; time: string; stage?: string }, templates: MailTemplates = {}): EmailPayload {
	const o = { locale: asLocale(locale) };
	const args = { ...p, stage: p.stage ?? '', startup: p.startup ?? '' };
	const own = kind === 'submitted' ? undefined : templates[kind]?.[o.locale];
	if (own) return { to: p.to, subject: fillTemplate(own.subject, args), text: fillTemplate(own.body, args) };
	const subject = kind === 'submitted' ? m.mail_application_submitted_subject(args, o) : decisionSubjects[kind](args, o);
	const text = kind === 'submitted' ? m.mail_application_submitted_body(args, o) : decisionBodies[kind](args, o);
	return { to: p.to, subject, text };
}

/** To a reviewer given new reviews: how many, in which stage, and where to find them. Never who applied. */
export function reviewerMail(locale: string, p: { to: string; name: string; count: number; stage: string; programme: string; call: string; link: string }): EmailPayload {
	const o = { locale: asLocale(locale) };
	return { to: p.to, subject: m.mail_review_assigned_subject(p, o), text: m.mail_review_assigned_body(p, o) };
}

export type MilestoneMailKind = 'approved' | 'changes_requested' | 'overdue';

/** To a startup's people about one milestone: signed off, changes asked (with the comment), or overdue. */
export function milestoneMail(locale: string, kind: MilestoneMailKind, p: { to: string; name: string; startup: string; milestone: string; programme: string; due: string; comment: string; link: string }): EmailPayload {
	const o = { locale: asLocale(locale) };
	const args = { ...p, due: formatDate(p.due, o.locale), comment: p.comment || '—' };
	const subject = { approved: m.mail_milestone_approved_subject, changes_requested: m.mail_milestone_changes_subject, overdue: m.mail_milestone_overdue_subject }[kind](args, o);
	const text = { approved: m.mail_milestone_approved_body, changes_requested: m.mail_milestone_changes_body, overdue: m.mail_milestone_overdue_body }[kind](args, o);
	return { to: p.to, subject, text };
}

/** To a startup's people: a KPI report is due soon, or overdue. */
export function kpiMail(locale: string, kind: 'due' | 'overdue', p: { to: string; name: string; startup: string; programme: string; period: string; frequency: Frequency; due: string; link: string }): EmailPayload {
	const o = { locale: asLocale(locale) };
	const args = { ...p, period: periodLabel(p.period, p.frequency, o.locale), due: formatDate(p.due, o.locale) };
	const subject = (kind === 'due' ? m.mail_kpi_due_subject : m.mail_kpi_overdue_subject)(args, o);
	const text = (kind === 'due' ? m.mail_kpi_due_body : m.mail_kpi_overdue_body)(args, o);
	return { to: p.to, subject, text };
}

export type SessionMailKind = 'booked' | 'cancelled' | 'reminder';

/** To a mentor or a startup's booker about a session, with its .ics. */
export function sessionMail(locale: string, kind: SessionMailKind, p: { to: string; name: string; mentor: string; startup: string; when: string; where: string; link: string; ics: string }): EmailPayload {
	const o = { locale: asLocale(locale) };
	const subject = { booked: m.mail_session_booked_subject, cancelled: m.mail_session_cancelled_subject, reminder: m.mail_session_reminder_subject }[kind](p, o);
	const text = { booked: m.mail_session_booked_body, cancelled: m.mail_session_cancelled_body, reminder: m.mail_session_reminder_body }[kind](p, o);
	return { to: p.to, subject, text, attachments: [{ filename: m.mail_ics_name({}, o), contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: p.ics }] };
}
