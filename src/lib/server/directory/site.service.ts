import { asc, eq, or, sql, and, count } from 'drizzle-orm';
import { db, prepared, type Db } from '../db/client.ts';
import { slugTaken } from './common.ts';
import { isUuid } from '../../schemas/common.ts';
import { site, tenancy } from './schema.ts';
import { Permission, requireAccess } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { audit } from '../platform/audit.ts';
import { enqueue } from '../platform/outbox.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { afterPlaceholders, page, preparedPage, type Paged } from '../platform/paging.ts';
import { checkRegion, regions } from './regions.ts';
import { parse } from '../../schemas/validate.ts';
import { zCreateSite, zUpdateSite } from '../../schemas/directory.ts';
import type { Page } from '../../schemas/common.ts';

type SiteRow = typeof site.$inferSelect;

export interface PublicSite {
	id: string;
	slug: string;
	name: string;
	kind: SiteRow['kind'];
	timeZone: string;
	provinceCode: string;
	provinceName: string;
	regencyCode: string;
	regencyName: string;
	address: string;
	description: string;
	contactEmail: string | null;
	contactPhone: string | null;
	website: string | null;
	openingHours: SiteRow['openingHours'];
	offers: string[];
	tenantCount: number;
	updatedAt: string;
}

async function toPublicSite(row: SiteRow, tenantCount = 0): Promise<PublicSite> {
	const r = await regions();
	return {
		id: row.id,
		slug: row.slug,
		name: row.name,
		kind: row.kind,
		timeZone: row.timeZone,
		provinceCode: row.provinceCode,
		provinceName: r.byCode.get(row.provinceCode) ?? row.provinceCode,
		regencyCode: row.regencyCode,
		regencyName: r.byCode.get(row.regencyCode) ?? row.regencyCode,
		address: row.address,
		description: row.description,
		contactEmail: row.contactEmail,
		contactPhone: row.contactPhone,
		website: row.website,
		openingHours: row.openingHours,
		offers: row.offers,
		tenantCount,
		updatedAt: row.updatedAt.toISOString()
	};
}

const sitesQuery = (d: Db, withCursor: boolean, name: string) => {
	const t = d
		.select({ siteId: tenancy.siteId, n: count().as('n') })
		.from(tenancy)
		.where(eq(tenancy.status, 'active'))
		.groupBy(tenancy.siteId)
		.as('t');
	return d
		.select({ site, n: t.n })
		.from(site)
		.leftJoin(t, eq(t.siteId, site.id))
		.where(withCursor ? afterPlaceholders(site.name, site.id) : undefined)
		.orderBy(asc(site.name), asc(site.id))
		.limit(sql.placeholder('limit'))
		.prepare(name);
};

/** Public list of sites, by name. */
export async function findSites(p: Page): Promise<Paged<PublicSite>> {
	const rows = await preparedPage('sites', sitesQuery, p);
	const items = await Promise.all(rows.map((r) => toPublicSite(r.site, Number(r.n ?? 0))));
	return page(items, p.limit, (s) => [s.name, s.id], (s) => s);
}

/** Routes accept a site's id or slug; only a well-formed UUID is also compared with the id. */
const siteKeys = {
	by_id: or(eq(site.id, sql.placeholder('key')), eq(site.slug, sql.placeholder('key'))),
	by_slug: eq(site.slug, sql.placeholder('key'))
};
const keyOf = (idOrSlug: string) => (isUuid(idOrSlug) ? 'by_id' : 'by_slug');

/** A site by id or slug; NOT_FOUND otherwise. */
export async function getSiteRow(idOrSlug: string): Promise<SiteRow> {
	const k = keyOf(idOrSlug);
	const [row] = await prepared(`site_${k}`, (d) => d.select().from(site).where(siteKeys[k]).prepare(`site_${k}`)).execute({ key: idOrSlug });
	if (!row) throw notFound('err_site_not_found');
	return row;
}

// Spelled out: in a one-table select Drizzle leaves column names unqualified, and an unqualified
// "id" inside this subquery would be the tenancy's own id (the count was always 0).
const activeCount = sql<number>`(SELECT count(*)::int FROM ${tenancy} t WHERE t.site_id = ${site}.id AND t.status = 'active')`;

/** A public site with its count of active tenants, in one query. */
export async function getSite(idOrSlug: string): Promise<PublicSite> {
	const k = keyOf(idOrSlug);
	const [row] = await prepared(`public_site_${k}`, (d) => d.select({ site, n: activeCount }).from(site).where(siteKeys[k]).prepare(`public_site_${k}`)).execute({ key: idOrSlug });
	if (!row) throw notFound('err_site_not_found');
	return toPublicSite(row.site, row.n);
}

export interface SiteChoice {
	id: string;
	slug: string;
	name: string;
}

/**
 * Every site's id, slug and name, by name: the site switcher in every page's header. Kept for a
 * few seconds (sites change rarely, pages are read constantly) and dropped at once when this
 * process creates or edits a site; a change made by another process shows within SWITCHER_TTL_MS.
 */
const SWITCHER_TTL_MS = 5000;
let switcher: { at: number; sites: Promise<SiteChoice[]> } | undefined;

export function siteChoices(): Promise<SiteChoice[]> {
	const now = Date.now();
	if (!switcher || now - switcher.at > SWITCHER_TTL_MS) {
		const sites = prepared('site_choices', (d) => d.select({ id: site.id, slug: site.slug, name: site.name }).from(site).orderBy(asc(site.name)).prepare('site_choices')).execute();
		switcher = { at: now, sites };
		// A failed read is not kept: the next page asks the database again.
		sites.catch(() => {
			if (switcher?.sites === sites) switcher = undefined;
		});
	}
	return switcher.sites;
}

async function assertRegion(provinceCode: string, regencyCode: string) {
	const key = await checkRegion(provinceCode, regencyCode);
	if (key) throw new AppError('VALIDATION', 'err_validation', {}, [{ field: key === 'err_region_province' ? 'provinceCode' : 'regencyCode', key }]);
}


export async function createSite(actor: Actor, input: unknown): Promise<PublicSite> {
	await requireAccess(actor, Permission.SiteCreate, null);
	const data = parse(zCreateSite, input);
	await assertRegion(data.provinceCode, data.regencyCode);
	const row = await db()
		.transaction(async (tx) => {
			const [created] = await tx.insert(site).values(data).returning();
			if (!created) throw new Error('insert returned nothing');
			await audit(tx, actor, { action: 'site.create', siteId: created.id, targetType: 'site', targetId: created.id, after: created });
			await enqueue(tx, 'event', { type: 'site.created', siteId: created.id });
			return created;
		})
		.catch(slugTaken);
	switcher = undefined;
	return toPublicSite(row);
}

export async function updateSite(actor: Actor, idOrSlug: string, input: unknown): Promise<PublicSite> {
	const before = await getSiteRow(idOrSlug);
	await requireAccess(actor, Permission.SiteUpdate, { siteId: before.id });
	const data = parse(zUpdateSite, input);
	await assertRegion(data.provinceCode ?? before.provinceCode, data.regencyCode ?? before.regencyCode);
	const row = await db()
		.transaction(async (tx) => {
			const [updated] = await tx
				.update(site)
				.set({ ...data, updatedAt: sql`now()` })
				.where(eq(site.id, before.id))
				.returning();
			if (!updated) throw notFound('err_site_not_found');
			await audit(tx, actor, { action: 'site.update', siteId: before.id, targetType: 'site', targetId: before.id, before, after: updated });
			await enqueue(tx, 'event', { type: 'site.updated', siteId: before.id });
			return updated;
		})
		.catch(slugTaken);
	switcher = undefined;
	return toPublicSite(row);
}
