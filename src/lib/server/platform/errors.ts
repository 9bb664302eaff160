/**
 * The one error model. Services throw AppError with a code and a message key from the catalogue
 * (`messages/*.json`); routes translate the key into the reader's language and map the code to
 * an HTTP status with `statusOf`. API responses are RFC 9457 problem+json (see api/problem.ts).
 */
export const errorStatus = {
	VALIDATION: 422,
	BAD_REQUEST: 400,
	UNAUTHENTICATED: 401,
	FORBIDDEN: 403,
	NOT_FOUND: 404,
	CONFLICT: 409,
	RATE_LIMITED: 429,
	INTERNAL: 500
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** A field that failed validation: `key` is a message key, `params` fill its placeholders. */
export interface FieldError {
	field: string;
	key: string;
	params?: Record<string, string | number>;
}

export class AppError extends Error {
	constructor(
		readonly code: ErrorCode,
		/** Message key, e.g. `err_site_slug_taken`. */
		readonly key: string,
		readonly params: Record<string, string | number> = {},
		readonly fields: FieldError[] = []
	) {
		super(`${code}: ${key}`);
	}
}

export function statusOf(code: ErrorCode): number {
	return errorStatus[code];
}

export const notFound = (what = 'err_not_found') => new AppError('NOT_FOUND', what);
export const forbidden = () => new AppError('FORBIDDEN', 'err_forbidden');
