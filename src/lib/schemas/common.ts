import { z } from 'zod';
import { toE164 } from '../i18n/format.ts';

export const LIMITS = {
	name: 120,
	slug: 60,
	short: 300,
	long: 4000,
	tag: 40,
	tags: 30,
	email: 254,
	url: 500
} as const;

export const zSlug = z
	.string()
	.trim()
	.min(2)
	.max(LIMITS.slug)
	.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'err_field_slug');
export const zName = z.string().trim().min(1).max(LIMITS.name);
export const zText = (max: number = LIMITS.long) => z.string().trim().max(max);
export const zEmail = z.email().max(LIMITS.email).transform((s) => s.toLowerCase());
/** Empty form fields mean "none". */
export const optional = <T extends z.ZodType>(s: T) =>
	z.preprocess((v) => (v === '' ? null : v), s.nullable().optional());
export const zUrl = z.url({ protocol: /^https?$/ }).max(LIMITS.url);
/** Accepts what people type, stores E.164. */
export const zPhone = z
	.string()
	.max(32)
	.transform((s, ctx) => {
		const e = toE164(s);
		if (!e) ctx.addIssue({ code: 'custom', message: 'err_field_phone' });
		return e ?? s;
	});
export const zTags = z
	.array(z.string().trim().min(1).max(LIMITS.tag))
	.max(LIMITS.tags)
	.transform((a) => [...new Set(a.map((t) => t.toLowerCase()))]);
export const zUuid = z.uuid();

export const zPage = z.object({
	limit: z.coerce.number().int().min(1).max(200).default(50),
	cursor: z.string().max(200).optional()
});
export type Page = z.infer<typeof zPage>;

/** Ids in paths are looked up only when well-formed; anything else is simply not found. */
/** The fields of a parsed partial input that were given (a PATCH changes only those). */
export const defined = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

export const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

type Undefaulted<T> = T extends z.ZodDefault<infer I extends z.ZodType> ? I : T;

/**
 * An update (PATCH) schema from a create schema's fields: every field optional and without its
 * default, so a field left out stays as it is (`.partial()` would fill in the defaults and wipe it).
 */
export function patchOf<T extends z.ZodRawShape>(shape: T) {
	const out: Record<string, z.ZodType> = {};
	for (const [k, v] of Object.entries(shape)) out[k] = (v instanceof z.ZodDefault ? (v.unwrap() as z.ZodType) : (v as z.ZodType)).optional();
	return z.strictObject(out) as unknown as z.ZodObject<{ [K in keyof T]: z.ZodOptional<Undefaulted<T[K]>> }, z.core.$strict>;
}
