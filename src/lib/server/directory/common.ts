import { pgCode } from '../db/client.ts';
import { AppError } from '../platform/errors.ts';


/** A unique violation on insert/update of a slugged row is a 409 naming the slug. */
export function slugTaken(e: unknown): never {
	if (pgCode(e) === '23505') throw new AppError('CONFLICT', 'err_slug_taken', {}, [{ field: 'slug', key: 'err_slug_taken' }]);
	throw e;
}

/** How alike a typed word must be to a word of a name (pg_trgm word_similarity, 0–1). */
export const WORD_SIMILARITY = 0.45;

/** `%term%` for ILIKE, with the term's own %, _ and backslash matched literally. */
export const containsPattern = (term: string) => `%${term.replace(/[%_\\]/g, '\\$&')}%`;

/** A name as the words of a slug: "Kopi Kode, PT" → "kopi-kode-pt" (accents dropped, at most `max` characters). */
export const slugify = (name: string, max = 48) =>
	name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, max).replace(/-+$/, '');
