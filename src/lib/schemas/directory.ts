import { z } from 'zod';
import { siteKinds, orgKinds, roles, tenancyStatuses } from '../server/directory/schema.ts';
import { LIMITS, optional, zEmail, zName, zPhone, zSlug, zTags, zText, zUrl, patchOf } from './common.ts';
import { NETWORK } from '../network.ts';

export const siteTimeZones = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;

const hhmm = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'err_field_time');
export const zOpeningHours = z
	.partialRecord(z.enum(['1', '2', '3', '4', '5', '6', '7']), z.array(z.tuple([hhmm, hhmm])).max(4))
	// A closing time before the opening time runs past midnight ("18:00"–"02:00"); equal times mean nothing.
	.refine((h) => Object.values(h).every((ranges) => ranges?.every(([a, b]) => a !== b)), 'err_field_hours');

/** A park's slug; the network's own (`jaringan`) is taken. */
const zSiteSlug = zSlug.refine((s) => s !== NETWORK.slug, 'err_slug_taken');

export const zCreateSite = z.strictObject({
	name: zName,
	slug: zSiteSlug,
	kind: z.enum(siteKinds),
	timeZone: z.enum(siteTimeZones),
	provinceCode: z.string().regex(/^[0-9]{2}$/, 'err_region_province'),
	regencyCode: z.string().regex(/^[0-9]{2}\.[0-9]{2}$/, 'err_region_regency'),
	address: zText(LIMITS.short).default(''),
	description: zText().default(''),
	contactEmail: optional(zEmail),
	contactPhone: optional(zPhone),
	website: optional(zUrl),
	openingHours: zOpeningHours.default({}),
	offers: zTags.default([])
});
export type CreateSite = z.infer<typeof zCreateSite>;
export const zUpdateSite = patchOf(zCreateSite.shape);
export type UpdateSite = z.infer<typeof zUpdateSite>;

/** NIB: 13 digits (OSS). NPWP: 16 digits since 2024, legacy 15 accepted; punctuation ignored. */
const digitsOnly = (v: unknown) => (typeof v === 'string' ? v.replace(/[\s.-]/g, '') : v);
export const zNib = z.preprocess(digitsOnly, z.string().regex(/^[0-9]{13}$/, 'err_field_nib'));
export const zNpwp = z.preprocess(digitsOnly, z.string().regex(/^[0-9]{15,16}$/, 'err_field_npwp'));
export const zKbli = z.array(z.string().regex(/^[0-9]{5}$/, 'err_field_kbli')).max(20);

export const zCreateOrg = z.strictObject({
	name: zName,
	slug: zSlug,
	kind: z.enum(orgKinds),
	description: zText().default(''),
	website: optional(zUrl),
	email: optional(zEmail),
	phone: optional(zPhone),
	nib: optional(zNib),
	npwp: optional(zNpwp),
	kbli: zKbli.default([]),
	tags: zTags.default([])
});
export type CreateOrg = z.infer<typeof zCreateOrg>;
export const zUpdateOrg = patchOf(zCreateOrg.shape);
export type UpdateOrg = z.infer<typeof zUpdateOrg>;

export const zAddMember = z.strictObject({
	email: zEmail,
	title: zText(LIMITS.name).default(''),
	isAdmin: z.boolean().default(false)
});
export type AddMember = z.infer<typeof zAddMember>;

const isoDate = z.iso.date();
export const zCreateTenancy = z
	.strictObject({
		orgId: z.uuid(),
		siteId: z.uuid(),
		startsOn: isoDate,
		endsOn: optional(isoDate),
		status: z.enum(tenancyStatuses).default('active')
	})
	.refine((t) => !t.endsOn || t.endsOn >= t.startsOn, { message: 'err_field_date_order', path: ['endsOn'] });
export type CreateTenancy = z.infer<typeof zCreateTenancy>;

/** A tenancy's status and dates change; its organisation and park do not (end it and record a new one). */
export const zUpdateTenancy = z.strictObject({
	startsOn: isoDate.optional(),
	endsOn: optional(isoDate),
	status: z.enum(tenancyStatuses).optional()
});
export type UpdateTenancy = z.infer<typeof zUpdateTenancy>;

export const grantableRoles = roles.filter((r) => r !== 'network_admin') as Exclude<(typeof roles)[number], 'network_admin'>[];
export const zInvite = z.strictObject({
	email: zEmail,
	role: z.enum(grantableRoles as [string, ...string[]]).transform((r) => r as (typeof grantableRoles)[number])
});
export type Invite = z.infer<typeof zInvite>;

export const zDirectoryQuery = z.object({
	q: z.string().trim().max(LIMITS.name).optional(),
	kind: z.enum(orgKinds).optional(),
	site: z.string().max(LIMITS.slug).optional(),
	tag: z.string().max(LIMITS.tag).optional()
});
export type DirectoryQuery = z.infer<typeof zDirectoryQuery>;

export const publicFieldChoices = ['bio', 'email', 'phone', 'organizations', 'credentials'] as const;
export const zUpdateProfile = z.strictObject({
	name: zName.optional(),
	locale: z.enum(['id', 'en']).optional(),
	timeZone: z.enum(siteTimeZones).optional(),
	phone: optional(zPhone),
	bio: optional(zText(LIMITS.long)),
	publicProfile: z.boolean().optional(),
	publicFields: z.array(z.enum(publicFieldChoices)).max(publicFieldChoices.length).optional()
});
export type UpdateProfile = z.infer<typeof zUpdateProfile>;
