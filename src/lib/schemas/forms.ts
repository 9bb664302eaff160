import { z } from 'zod';
import { choiceTypes, fieldsOf, fieldTypes, isVisible, MAX_FILE_MB, DEFAULT_FILE_MB, type FormField, type FormSection } from '../forms.ts';
import { LIMITS, zEmail, zUrl } from './common.ts';
import { fieldErrors } from './validate.ts';
import type { FieldError } from '../server/platform/errors.ts';

export type { FormField, FormSection };

const zKey = z.string().trim().regex(/^[a-z][a-z0-9_]{0,39}$/, 'err_form_key');
const zLabel = z.strictObject({ id: z.string().trim().min(1).max(LIMITS.short), en: z.string().trim().max(LIMITS.short).default('') });
const zHelp = z.strictObject({ id: z.string().trim().max(LIMITS.long).default(''), en: z.string().trim().max(LIMITS.long).default('') }).default({ id: '', en: '' });

const zField = z.strictObject({
	key: zKey,
	type: z.enum(fieldTypes),
	label: zLabel,
	help: zHelp,
	required: z.boolean().default(false),
	options: z.array(z.strictObject({ value: z.string().trim().min(1).max(LIMITS.tag), label: zLabel })).max(50).default([]),
	maxMb: z.number().int().min(1).max(MAX_FILE_MB).optional(),
	showIf: z.strictObject({ field: zKey, values: z.array(z.string().max(LIMITS.tag)).min(1).max(50) }).nullable().optional()
});

/**
 * An application form: sections of fields. Keys are unique across the form; choice fields have
 * distinct options; a condition names an earlier choice field and values among its options.
 */
export const zFormSections = z
	.array(z.strictObject({ key: zKey, title: zLabel, description: zHelp, fields: z.array(zField).max(60) }))
	.min(1)
	.max(20)
	.superRefine((sections, ctx) => {
		const seen = new Map<string, FormField>();
		const keys = new Set<string>();
		sections.forEach((s, si) => {
			if (keys.has(s.key)) ctx.addIssue({ code: 'custom', path: [si, 'key'], message: 'err_form_key_taken' });
			keys.add(s.key);
			s.fields.forEach((f, fi) => {
				const at = [si, 'fields', fi];
				if (seen.has(f.key)) ctx.addIssue({ code: 'custom', path: [...at, 'key'], message: 'err_form_key_taken' });
				const values = f.options.map((o) => o.value);
				if (choiceTypes.includes(f.type) && (values.length === 0 || new Set(values).size !== values.length)) ctx.addIssue({ code: 'custom', path: [...at, 'options'], message: 'err_form_options' });
				if (f.showIf) {
					const parent = seen.get(f.showIf.field);
					if (!parent || !choiceTypes.includes(parent.type) || f.showIf.values.some((v) => !parent.options.some((o) => o.value === v)))
						ctx.addIssue({ code: 'custom', path: [...at, 'showIf'], message: 'err_form_condition' });
				}
				seen.set(f.key, f as FormField);
			});
		});
	});

export const zSaveForm = z.strictObject({ sections: zFormSections });

/** Form values arrive as text; numbers and Rupiah are read from what people type ("Rp1.500.000"). */
const blankToUndefined = (v: unknown) => (v === '' || v === null || (Array.isArray(v) && v.length === 0) ? undefined : v);
const digits = (v: unknown) => (typeof v === 'string' ? (v.replace(/[^0-9]/g, '') === '' ? v : Number(v.replace(/[^0-9]/g, ''))) : v);
const zTeam = z
	.array(z.strictObject({ name: z.string().trim().min(1).max(LIMITS.name), role: z.string().trim().max(LIMITS.name).default('') }), { error: 'err_answer_team' })
	.max(30);
/** Rows of a team answer without a name are the form's empty rows, not members. */
const namedRows = (v: unknown) => (Array.isArray(v) ? v.filter((r) => !(r && typeof r === 'object' && !String((r as { name?: unknown }).name ?? '').trim())) : v);

function answerSchema(f: FormField): z.ZodType {
	const values = f.options.map((o) => o.value) as [string, ...string[]];
	switch (f.type) {
		case 'short_text':
			return z.string().trim().max(LIMITS.short);
		case 'long_text':
			return z.string().trim().max(LIMITS.long);
		case 'number':
			return z.preprocess((v) => (typeof v === 'string' ? Number(v.replace(',', '.')) : v), z.number({ error: 'err_answer_number' }).min(-1e12).max(1e12));
		case 'money':
			return z.preprocess(digits, z.number({ error: 'err_answer_money' }).int().min(0).max(1e15));
		case 'date':
			return z.iso.date();
		case 'choice':
			return z.enum(values);
		case 'multi_choice':
			return z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(z.enum(values)).max(values.length));
		case 'url':
			return zUrl;
		case 'email':
			return zEmail;
		case 'team':
			return zTeam;
		case 'file':
			return z.uuid({ error: 'err_answer_file' });
	}
}

/**
 * Check answers against a form. Answers to hidden fields and to keys the form does not have are
 * dropped; on submission every shown required field must be answered. Field errors are named
 * `answers.<key>`.
 */
export function checkAnswers(sections: FormSection[], input: unknown, opts: { submit: boolean }): { answers: Record<string, unknown>; errors: FieldError[] } {
	const raw = input !== null && typeof input === 'object' && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
	const all = fieldsOf(sections);
	const answers: Record<string, unknown> = {};
	const errors: FieldError[] = [];
	for (const f of all) {
		const v = blankToUndefined(f.type === 'team' ? namedRows(raw[f.key]) : raw[f.key]);
		if (!isVisible(f, raw, all)) continue;
		if (v === undefined) {
			if (opts.submit && f.required) errors.push({ field: `answers.${f.key}`, key: 'err_field_required' });
			continue;
		}
		const res = answerSchema(f).safeParse(v);
		if (res.success) answers[f.key] = res.data;
		else errors.push(...fieldErrors(res.error, v).map((e) => ({ ...e, field: `answers.${f.key}` })));
	}
	return { answers, errors };
}

export const maxMbOf = (f: FormField) => f.maxMb ?? DEFAULT_FILE_MB;
