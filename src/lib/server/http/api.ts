import { json, type RequestEvent } from '@sveltejs/kit';
import { AppError } from '../platform/errors.ts';
import { problem } from './problem.ts';
import { zPage, type Page } from '../../schemas/common.ts';
import { parse } from '../../schemas/validate.ts';
import { toCsv, toXlsx, type Column } from '../platform/export.ts';
import { formValues, fileOf } from './form.ts';

const MAX_BODY = 256 * 1024;

/** The JSON body, or a 400 naming the problem (malformed, not an object, too large). */
export async function body(event: RequestEvent): Promise<unknown> {
	const text = await event.request.text();
	if (text.length > MAX_BODY) throw new AppError('BAD_REQUEST', 'err_bad_json');
	try {
		const v = JSON.parse(text) as unknown;
		if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error('not an object');
		return v;
	} catch {
		throw new AppError('BAD_REQUEST', 'err_bad_json');
	}
}

/**
 * For routes that take a photo: a JSON body, or a `multipart/form-data` body whose text fields
 * are the same input and whose file field `photo` is the picture.
 */
export async function bodyWithPhoto(event: RequestEvent): Promise<{ input: unknown; photo?: { type: string; data: Uint8Array } }> {
	if (!(event.request.headers.get('content-type') ?? '').startsWith('multipart/form-data')) return { input: await body(event) };
	let data: FormData;
	try {
		data = await event.request.formData();
	} catch {
		throw new AppError('BAD_REQUEST', 'err_bad_form');
	}
	return { input: formValues(data), photo: await fileOf(data, 'photo') };
}

export function pageOf(event: RequestEvent): Page {
	return parse(zPage, Object.fromEntries(event.url.searchParams));
}

export function query(event: RequestEvent): Record<string, string> {
	return Object.fromEntries(event.url.searchParams);
}

/**
 * Wrap an API handler: browser sessions may only change things from Taman's own origin (CSRF),
 * and every error becomes problem+json in the caller's language.
 */
export function api(fn: (event: RequestEvent) => Promise<Response | unknown>) {
	return async (event: RequestEvent): Promise<Response> => {
		try {
			const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(event.request.method);
			if (unsafe && event.locals.actor.kind === 'user' && event.locals.actor.via === 'session') {
				const origin = event.request.headers.get('origin');
				if (origin !== event.url.origin) throw new AppError('FORBIDDEN', 'err_forbidden');
			}
			const out = await fn(event);
			if (out instanceof Response) return out;
			if (out === undefined) return new Response(null, { status: 204 });
			return json(out, { status: event.request.method === 'POST' ? 201 : 200 });
		} catch (e) {
			return problem(e, event.locals.locale, event.url.pathname);
		}
	};
}

/** A list as JSON ({items, nextCursor}) or, with ?format=csv|xlsx, as a download of the same page. */
export async function list<T extends object>(event: RequestEvent, result: { items: T[]; nextCursor: string | null }, columns: Column<T>[], name: string): Promise<Response | unknown> {
	const format = event.url.searchParams.get('format');
	if (format === 'csv')
		return new Response(toCsv(result.items, columns), {
			headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}.csv"` }
		});
	if (format === 'xlsx')
		return new Response(Buffer.from(await toXlsx(result.items, columns, name)), {
			headers: {
				'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
				'content-disposition': `attachment; filename="${name}.xlsx"`
			}
		});
	if (format && format !== 'json') throw new AppError('VALIDATION', 'err_validation', {}, [{ field: 'format', key: 'err_field_choice', params: { values: 'json, csv, xlsx' } }]);
	return result;
}
