/**
 * Application forms, as both the server and the browser read them: the field types, and which
 * fields are shown given the answers so far. The rules for a valid form and valid answers are in
 * schemas/forms.ts.
 */

export const fieldTypes = ['short_text', 'long_text', 'number', 'money', 'date', 'choice', 'multi_choice', 'url', 'email', 'team', 'file'] as const;
export type FieldType = (typeof fieldTypes)[number];

/** Text in both languages; English falls back to Indonesian when left empty. */
export interface Bilingual {
	id: string;
	en: string;
}

export interface FormOption {
	value: string;
	label: Bilingual;
}

export interface FormField {
	key: string;
	type: FieldType;
	label: Bilingual;
	help: Bilingual;
	required: boolean;
	/** For choice and multi_choice. */
	options: FormOption[];
	/** For file fields: the largest PDF accepted, in MB. */
	maxMb?: number;
	/** Shown only when an earlier choice field's answer is (or includes) one of these values. */
	showIf?: { field: string; values: string[] } | null;
}

export interface FormSection {
	key: string;
	title: Bilingual;
	description: Bilingual;
	fields: FormField[];
}

export const choiceTypes: readonly FieldType[] = ['choice', 'multi_choice'];
export const DEFAULT_FILE_MB = 10;
export const MAX_FILE_MB = 20;

/** A member of a startup's team, as answered to a team field. */
export interface TeamMember {
	name: string;
	role: string;
}

export const fieldsOf = (sections: FormSection[]): FormField[] => sections.flatMap((s) => s.fields);

/** The text in the reader's language. */
export const inLocale = (b: Bilingual, locale: string) => (locale === 'en' && b.en ? b.en : b.id);

/** Whether a field is shown: its condition's field is itself shown and answered with one of the values. */
export function isVisible(field: FormField, answers: Record<string, unknown>, all: FormField[]): boolean {
	if (!field.showIf) return true;
	const parent = all.find((f) => f.key === field.showIf!.field);
	if (!parent || !isVisible(parent, answers, all)) return false;
	const a = answers[parent.key];
	const given = Array.isArray(a) ? a : a === undefined || a === null ? [] : [a];
	return given.some((v) => field.showIf!.values.includes(String(v)));
}

/** The form a new call starts with; staff change it in the form builder. */
export function starterForm(): FormSection[] {
	const none = { id: '', en: '' };
	return [
		{
			key: 'startup',
			title: { id: 'Tentang startup', en: 'About the startup' },
			description: none,
			fields: [
				{ key: 'summary', type: 'long_text', label: { id: 'Ringkasan produk dan masalah yang diselesaikan', en: 'Product summary and the problem it solves' }, help: none, required: true, options: [] },
				{ key: 'stage', type: 'choice', label: { id: 'Tahap produk', en: 'Product stage' }, help: none, required: true, options: [
					{ value: 'idea', label: { id: 'Ide', en: 'Idea' } },
					{ value: 'prototype', label: { id: 'Purwarupa', en: 'Prototype' } },
					{ value: 'mvp', label: { id: 'MVP', en: 'MVP' } },
					{ value: 'revenue', label: { id: 'Sudah ada pendapatan', en: 'Earning revenue' } }
				] },
				{ key: 'revenue', type: 'money', label: { id: 'Pendapatan 12 bulan terakhir (Rp)', en: 'Revenue in the last 12 months (IDR)' }, help: none, required: true, options: [], showIf: { field: 'stage', values: ['revenue'] } },
				{ key: 'website', type: 'url', label: { id: 'Situs atau tautan produk', en: 'Website or product link' }, help: none, required: false, options: [] },
				{ key: 'team', type: 'team', label: { id: 'Tim inti', en: 'Core team' }, help: { id: 'Nama dan peran setiap anggota.', en: 'Name and role of each member.' }, required: true, options: [] }
			]
		},
		{
			key: 'documents',
			title: { id: 'Dokumen', en: 'Documents' },
			description: none,
			fields: [{ key: 'pitch_deck', type: 'file', label: { id: 'Pitch deck (PDF)', en: 'Pitch deck (PDF)' }, help: none, required: true, options: [], maxMb: DEFAULT_FILE_MB }]
		}
	];
}
