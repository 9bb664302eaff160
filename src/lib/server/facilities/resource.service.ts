import { and, asc, eq, gte, sql } from 'drizzle-orm';
import { db } from '../db/client.ts';
import { resource, resourceClasses, resourceKinds, qualification, type ResourceKind } from './schema.ts';
import { site, type BookingDefaults, type BookingRules } from '../directory/schema.ts';
import { Permission, requireAccess } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { audit } from '../platform/audit.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { parse } from '../../schemas/validate.ts';
import { defined, isUuid } from '../../schemas/common.ts';
import { zBookingDefaults, zCreateResource, zResourceQuery, zUpdateResource } from '../../schemas/facilities.ts';
import { getSiteRow } from '../directory/site.service.ts';
import { slugTaken } from '../directory/common.ts';

export type ResourceRow = typeof resource.$inferSelect;

/** Taman's booking rules by class, used when a new resource (and its park) set none: every rule a park can set. */
const who = { bookableBy: 'site_members', approvalRequired: false } as const;
const defaults: Record<ResourceClass, Partial<ResourceRow> & Required<BookingRules>> = {
	space: { slotMinutes: 30, minMinutes: 30, maxMinutes: 480, noticeMinutes: 60, maxDaysAhead: 60, bufferMinutes: 0, ...who },
	equipment: { slotMinutes: 60, minMinutes: 60, maxMinutes: 480, noticeMinutes: 1440, maxDaysAhead: 30, bufferMinutes: 30, ...who },
	compute: { slotMinutes: 60, minMinutes: 60, maxMinutes: 10080, noticeMinutes: 0, maxDaysAhead: 30, bufferMinutes: 0, alwaysOpen: true, ...who }
};
const kindDefaults: Partial<Record<ResourceKind, Partial<ResourceRow>>> = {
	hall: { approvalRequired: true, shared: false, maxMinutes: 720, noticeMinutes: 2880 },
	coworking_desk: { shared: true },
	production_floor: { shared: true, maxMinutes: 720 }
};

export interface PublicResource extends Omit<ResourceRow, 'createdAt' | 'updatedAt' | 'acquiredOn'> {
	acquiredOn: string | null;
	siteSlug: string;
	siteName: string;
	timeZone: string;
	qualificationName: string | null;
}

const columns = {
	r: resource,
	siteSlug: site.slug,
	siteName: site.name,
	timeZone: site.timeZone,
	openingHours: site.openingHours,
	qualificationName: qualification.name
};

function toPublic(row: { r: ResourceRow; siteSlug: string; siteName: string; timeZone: string; qualificationName: string | null }): PublicResource {
	const { createdAt: _c, updatedAt: _u, ...r } = row.r;
	return { ...r, siteSlug: row.siteSlug, siteName: row.siteName, timeZone: row.timeZone, qualificationName: row.qualificationName };
}

function base() {
	return db().select(columns).from(resource).innerJoin(site, eq(site.id, resource.siteId)).leftJoin(qualification, eq(qualification.id, resource.qualificationId));
}

/**
 * Resources of a park (or of all parks), filtered by kind, class and capacity. Public: parks
 * advertise what they offer. `inactive` (for the park's staff pages) includes retired ones.
 */
export async function findResources(input: unknown, opts: { inactive?: boolean } = {}): Promise<PublicResource[]> {
	const q = parse(zResourceQuery, input);
	const siteRow = q.site ? await getSiteRow(q.site) : undefined;
	const rows = await base()
		.where(
			and(
				opts.inactive ? undefined : eq(resource.active, true),
				siteRow ? eq(resource.siteId, siteRow.id) : undefined,
				q.kind ? eq(resource.kind, q.kind) : undefined,
				q.class ? eq(resource.class, q.class) : undefined,
				q.capacity ? gte(resource.capacity, q.capacity) : undefined
			)
		)
		.orderBy(asc(site.name), asc(resource.kind), asc(resource.name));
	return rows.map(toPublic);
}

export async function getResourceFull(id: string) {
	if (!isUuid(id)) throw notFound('err_resource_not_found');
	const [row] = await base().where(eq(resource.id, id));
	if (!row) throw notFound('err_resource_not_found');
	return { resource: toPublic(row), row: row.r, openingHours: row.openingHours };
}

export async function getResource(id: string): Promise<PublicResource> {
	return (await getResourceFull(id)).resource;
}

/**
 * Durations must nest: slot ≤ minimum ≤ maximum (the database checks it too). A minimum or maximum
 * left unset follows a larger slot or minimum; values set explicitly that do not nest are refused
 * with the field named, never left to the database's check (which would be a 500).
 */
function nestDurations(merged: { slotMinutes: number; minMinutes: number; maxMinutes: number }, given: { minMinutes?: number; maxMinutes?: number }) {
	const out = { ...merged };
	if (given.minMinutes === undefined) out.minMinutes = Math.max(out.minMinutes, out.slotMinutes);
	if (given.maxMinutes === undefined) out.maxMinutes = Math.max(out.maxMinutes, out.minMinutes);
	if (out.minMinutes < out.slotMinutes) throw new AppError('VALIDATION', 'err_validation', {}, [{ field: 'minMinutes', key: 'err_resource_min_slot', params: { slot: out.slotMinutes } }]);
	if (out.maxMinutes < out.minMinutes) throw new AppError('VALIDATION', 'err_validation', {}, [{ field: 'maxMinutes', key: 'err_resource_max_min', params: { min: out.minMinutes } }]);
	return out;
}

type ResourceClass = (typeof resourceClasses)[number];
const ruleKeys = ['slotMinutes', 'minMinutes', 'maxMinutes', 'noticeMinutes', 'maxDaysAhead', 'bufferMinutes', 'bookableBy', 'approvalRequired'] as const;

/**
 * The rules a new facility of each class gets at a park: Taman's defaults with the park's own on
 * top (a kind's own defaults, such as a hall's approval, still apply where the park set nothing).
 */
export async function bookingDefaults(siteIdOrSlug: string): Promise<{ site: BookingDefaults; effective: Record<ResourceClass, Required<BookingRules>> }> {
	const s = await getSiteRow(siteIdOrSlug);
	const rules = (c: ResourceClass) => Object.fromEntries(ruleKeys.map((k) => [k, s.bookingDefaults[c]?.[k] ?? defaults[c][k]])) as Required<BookingRules>;
	return { site: s.bookingDefaults, effective: { space: rules('space'), equipment: rules('equipment'), compute: rules('compute') } };
}

/** A park's managers set the rules its new facilities start with (existing ones keep theirs). */
export async function setBookingDefaults(actor: Actor, siteIdOrSlug: string, input: unknown): Promise<BookingDefaults> {
	const s = await getSiteRow(siteIdOrSlug);
	await requireAccess(actor, Permission.SiteUpdate, { siteId: s.id });
	const data = parse(zBookingDefaults, input);
	const next: BookingDefaults = {};
	for (const c of resourceClasses) {
		const rules = data[c] ? defined(data[c]) : {};
		if (!Object.keys(rules).length) continue;
		// The durations a class would give must nest, like a facility's own.
		try {
			nestDurations({ ...defaults[c], ...rules }, rules);
		} catch (e) {
			if (e instanceof AppError) throw new AppError(e.code, e.key, e.params, e.fields.map((f) => ({ ...f, field: `${c}.${f.field}` })));
			throw e;
		}
		next[c] = rules;
	}
	await db().transaction(async (tx) => {
		await tx.update(site).set({ bookingDefaults: next, updatedAt: sql`now()` }).where(eq(site.id, s.id));
		await audit(tx, actor, { action: 'site.booking_defaults', siteId: s.id, targetType: 'site', targetId: s.id, before: s.bookingDefaults, after: next });
	});
	return next;
}

/** "Holders of these roles" needs at least one role; any other choice keeps none. */
function namedRoles(by: string | undefined, roles: readonly string[] | undefined) {
	if (by === 'roles' && !roles?.length) throw new AppError('VALIDATION', 'err_validation', {}, [{ field: 'bookableRoles', key: 'err_bookable_roles_required' }]);
}

export async function createResource(actor: Actor, siteIdOrSlug: string, input: unknown): Promise<PublicResource> {
	const s = await getSiteRow(siteIdOrSlug);
	await requireAccess(actor, Permission.ResourceManage, { siteId: s.id });
	const data = parse(zCreateResource, input);
	const cls = resourceKinds[data.kind];
	const merged = { ...defaults[cls], ...kindDefaults[data.kind], ...s.bookingDefaults[cls], ...defined(data), siteId: s.id, class: cls } as typeof resource.$inferInsert & { slotMinutes: number; minMinutes: number; maxMinutes: number };
	const values = { ...merged, ...nestDurations(merged, data) };
	namedRoles(values.bookableBy, values.bookableRoles);
	const created = await db()
		.transaction(async (tx) => {
			const [r] = await tx.insert(resource).values(values).returning();
			await audit(tx, actor, { action: 'resource.create', siteId: s.id, targetType: 'resource', targetId: r!.id, after: r });
			return r!;
		})
		.catch(slugTaken);
	return getResource(created.id);
}

export async function updateResource(actor: Actor, id: string, input: unknown): Promise<PublicResource> {
	const { row: before } = await getResourceFull(id);
	await requireAccess(actor, Permission.ResourceManage, { siteId: before.siteId });
	const data = parse(zUpdateResource, input);
	const changes = defined(data) as Partial<typeof resource.$inferInsert>;
	if (data.kind) changes.class = resourceKinds[data.kind];
	Object.assign(changes, nestDurations({ slotMinutes: changes.slotMinutes ?? before.slotMinutes, minMinutes: changes.minMinutes ?? before.minMinutes, maxMinutes: changes.maxMinutes ?? before.maxMinutes }, data));
	namedRoles(changes.bookableBy ?? before.bookableBy, changes.bookableRoles ?? before.bookableRoles);
	await db()
		.transaction(async (tx) => {
			const [after] = await tx.update(resource).set({ ...changes, updatedAt: sql`now()` }).where(eq(resource.id, before.id)).returning();
			await audit(tx, actor, { action: 'resource.update', siteId: before.siteId, targetType: 'resource', targetId: before.id, before, after });
		})
		.catch(slugTaken);
	return getResource(before.id);
}
