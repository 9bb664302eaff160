import { m } from '../../paraglide/messages.js';
import type { FieldError } from '../platform/errors.ts';

type Msg = (inputs?: Record<string, unknown>, opts?: { locale?: 'id' | 'en' }) => string;
const catalogue = m as unknown as Record<string, Msg>;

/** Translate a message key from a service into the reader's language; unknown keys fall back. */
export function t(key: string, params: Record<string, string | number> = {}, locale: 'id' | 'en' = 'id'): string {
	const fn = catalogue[key];
	return fn ? fn(params, { locale }) : catalogue.err_field_invalid!({}, { locale });
}

export function translateFields(fields: FieldError[], locale: 'id' | 'en'): Record<string, string> {
	const out: Record<string, string> = {};
	for (const f of fields) out[f.field] ??= t(f.key, f.params, locale);
	return out;
}
