import { pgCode } from '../db/client.ts';
import { AppError } from '../platform/errors.ts';

/** Routes accept an id or a slug; only a well-formed UUID is looked up as an id. */
export const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

/** A unique violation on insert/update of a slugged row is a 409 naming the slug. */
export function slugTaken(e: unknown): never {
	if (pgCode(e) === '23505') throw new AppError('CONFLICT', 'err_slug_taken', {}, [{ field: 'slug', key: 'err_slug_taken' }]);
	throw e;
}
