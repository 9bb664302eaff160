import { error, fail, isActionFailure, type ActionFailure } from '@sveltejs/kit';
import { AppError, statusOf } from '../platform/errors.ts';
import { t, translateFields } from './translate.ts';

export interface FormFailure {
	message: string;
	errors: Record<string, string>;
	values: Record<string, string>;
}

/** Form data as a plain object of strings (files are not handled here). */
export function formValues(data: FormData): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of data) if (typeof v === 'string') out[k] = v;
	return out;
}

/** The file of a form field, if one was chosen (an empty file input sends a nameless empty file). */
export async function fileOf(data: FormData, field: string): Promise<{ name: string; type: string; data: Uint8Array } | undefined> {
	const f = data.get(field);
	if (!(f instanceof File) || f.size === 0) return undefined;
	return { name: f.name, type: f.type, data: new Uint8Array(await f.arrayBuffer()) };
}

/** A stored file as a download, named as it was uploaded. Never rendered inline by the browser. */
export function fileResponse(f: { name: string; mime: string; content: Buffer }): Response {
	return new Response(new Uint8Array(f.content), {
		headers: { 'content-type': f.mime, 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`, 'cache-control': 'private, no-store', 'x-content-type-options': 'nosniff' }
	});
}

/** Split "a, b ,c" into ["a","b","c"]. */
export const commaList = (s: string | undefined) => (s ?? '').split(',').map((x) => x.trim()).filter(Boolean);

/** Whether `attempt` came back refused (services may return anything, even objects with a `status`). */
export const failed = <T>(r: T | ActionFailure<FormFailure>): r is ActionFailure<FormFailure> => isActionFailure(r);

/**
 * Run a service call for a form action. Expected errors come back to the form, translated, with
 * what the person typed (passwords excluded); anything else propagates to handleError.
 */
export async function attempt<T>(locale: 'id' | 'en', values: Record<string, string>, fn: () => Promise<T>): Promise<T | ActionFailure<FormFailure>> {
	try {
		return await fn();
	} catch (e) {
		if (!(e instanceof AppError)) throw e;
		const { password: _p, currentPassword: _c, newPassword: _n, ...kept } = values;
		return fail(statusOf(e.code), { message: t(e.key, e.params, locale), errors: translateFields(e.fields, locale), values: kept });
	}
}

/**
 * For page loads: an expected service error becomes SvelteKit's error page with its own status
 * (403, 404 …) and translated message, instead of a 500.
 */
export async function orError<T>(locale: 'id' | 'en', fn: () => Promise<T>): Promise<T> {
	try {
		return await fn();
	} catch (e) {
		if (e instanceof AppError) error(statusOf(e.code), t(e.key, e.params, locale));
		throw e;
	}
}
