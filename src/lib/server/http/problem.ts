import { json } from '@sveltejs/kit';
import { AppError, statusOf } from '../platform/errors.ts';
import { t, translateFields } from './translate.ts';
import { log } from '../log.ts';
import { currentRequestId } from '../platform/context.ts';

/**
 * RFC 9457 problem+json for the API. Expected errors are translated; unexpected ones are logged
 * with the request id and answered with that id only.
 */
export function problem(err: unknown, locale: 'id' | 'en', instance?: string): Response {
	const requestId = currentRequestId();
	if (err instanceof AppError) {
		const status = statusOf(err.code);
		const body: Record<string, unknown> = {
			type: `https://taman.dev/problems/${err.code.toLowerCase().replace(/_/g, '-')}`,
			title: t(err.key, err.params, locale),
			status,
			code: err.key,
			instance,
			requestId
		};
		if (err.fields.length) {
			const msgs = translateFields(err.fields, locale);
			body.errors = err.fields.map((f) => ({ field: f.field, code: f.key, message: msgs[f.field] }));
		}
		return json(body, { status, headers: { 'content-type': 'application/problem+json' } });
	}
	log.error({ err, requestId }, 'unexpected error');
	return json(
		{ type: 'about:blank', title: t('err_internal', {}, locale), status: 500, requestId, instance },
		{ status: 500, headers: { 'content-type': 'application/problem+json' } }
	);
}
