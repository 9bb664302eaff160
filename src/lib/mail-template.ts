/**
 * Decision e-mails a call's staff can word themselves (id and en), with placeholders in braces.
 * Shared by the service (validation, sending) and the editor (live preview).
 */

export const decisionKinds = ['advanced', 'accepted', 'rejected'] as const;
export const mailLocales = ['id', 'en'] as const;
export type DecisionKind = (typeof decisionKinds)[number];

/** What a template may name: the applicant, their startup, and where they applied. */
export const templateFields = ['name', 'startup', 'programme', 'call', 'site', 'stage'] as const;
export type TemplateValues = Record<(typeof templateFields)[number], string>;

export interface MailText {
	subject: string;
	body: string;
}
/** Per decision and language, only what staff changed from the built-in wording. */
export type MailTemplates = Partial<Record<DecisionKind, Partial<Record<'id' | 'en', MailText>>>>;

const placeholder = /\{(\w+)\}/g;

/** Fill `{name}`, `{programme}` … in a template. */
export const fillTemplate = (text: string, values: TemplateValues): string => text.replace(placeholder, (all, k: string) => (k in values ? values[k as keyof TemplateValues] : all));

/** Placeholders a template names that Taman cannot fill. */
export const unknownPlaceholders = (text: string): string[] => [...new Set([...text.matchAll(placeholder)].map((x) => x[1]!).filter((k) => !(templateFields as readonly string[]).includes(k)))];
