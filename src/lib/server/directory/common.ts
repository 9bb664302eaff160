import { pgCode } from '../db/client.ts';
import { AppError } from '../platform/errors.ts';


/** A unique violation on insert/update of a slugged row is a 409 naming the slug. */
export function slugTaken(e: unknown): never {
	if (pgCode(e) === '23505') throw new AppError('CONFLICT', 'err_slug_taken', {}, [{ field: 'slug', key: 'err_slug_taken' }]);
	throw e;
}
