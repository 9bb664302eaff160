import type { z } from 'zod';
import { AppError, type FieldError } from '../server/platform/errors.ts';

/** The value at `path` inside `input` (zod 4 does not report the input of an issue by default). */
function valueAt(input: unknown, path: PropertyKey[]): unknown {
	let v = input;
	for (const k of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
	return v;
}

/** Turn zod issues into field errors whose keys are in the message catalogue. */
export function fieldErrors(error: z.ZodError, input?: unknown): FieldError[] {
	const out: FieldError[] = [];
	for (const issue of error.issues) {
		const field = issue.path.join('.') || '_';
		// Schemas name their own catalogue key for rules of the domain (NIB, phone, slug …).
		if (issue.message.startsWith('err_') && issue.code !== 'too_big' && issue.code !== 'too_small') {
			out.push({ field, key: issue.message });
			continue;
		}
		switch (issue.code) {
			case 'too_big':
				out.push({ field, key: issue.origin === 'string' ? 'err_field_too_long' : 'err_field_too_big', params: { max: Number(issue.maximum) } });
				break;
			case 'too_small':
				if (issue.origin === 'string' && Number(issue.minimum) === 1) out.push({ field, key: 'err_field_required' });
				else out.push({ field, key: issue.origin === 'string' ? 'err_field_too_short' : 'err_field_too_small', params: { min: Number(issue.minimum) } });
				break;
			case 'invalid_type':
				out.push({ field, key: valueAt(input, issue.path) === undefined ? 'err_field_required' : 'err_field_type', params: { expected: String(issue.expected) } });
				break;
			case 'unrecognized_keys':
				for (const k of issue.keys) out.push({ field: [...issue.path, k].join('.'), key: 'err_field_unknown' });
				break;
			case 'invalid_format':
				out.push({ field, key: `err_field_format_${issue.format}` in formatKeys ? `err_field_format_${issue.format}` : 'err_field_format' });
				break;
			case 'invalid_value':
				out.push({ field, key: 'err_field_choice', params: { values: issue.values.map(String).join(', ') } });
				break;
			default:
				out.push({ field, key: 'err_field_invalid' });
		}
	}
	return out;
}

const formatKeys = { err_field_format_email: 1, err_field_format_url: 1, err_field_format_regex: 1 };

/** Parse input with a schema or throw a 422 naming every bad field. Nothing is changed on failure. */
export function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
	const res = schema.safeParse(input);
	if (res.success) return res.data;
	throw new AppError('VALIDATION', 'err_validation', {}, fieldErrors(res.error, input));
}
