import { and, asc, desc, eq, sql, inArray, type SQL } from 'drizzle-orm';
import { db, type Db, type Tx } from '../db/client.ts';
import { containsPattern, slugTaken, WORD_SIMILARITY } from './common.ts';
import { isUuid } from '../../schemas/common.ts';
import { organization, orgMember, tenancy, site } from './schema.ts';
import { user } from '../auth/schema.ts';
import { Permission, can, requireAccess } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { audit } from '../platform/audit.ts';
import { enqueue } from '../platform/outbox.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { afterCursor, afterPlaceholders, page, preparedPage, type Paged } from '../platform/paging.ts';
import { parse } from '../../schemas/validate.ts';
import { zAddMember, zCreateOrg, zCreateTenancy, zDirectoryQuery, zUpdateOrg, zUpdateTenancy } from '../../schemas/directory.ts';
import { localParts } from '../facilities/time.ts';
import type { Page } from '../../schemas/common.ts';
import { getSiteRow } from './site.service.ts';

type OrgRow = typeof organization.$inferSelect;


export interface PublicOrg {
	id: string;
	slug: string;
	name: string;
	kind: OrgRow['kind'];
	description: string;
	website: string | null;
	email: string | null;
	phone: string | null;
	nib: string | null;
	npwp: string | null;
	kbli: string[];
	tags: string[];
	sites: { slug: string; name: string }[];
}

/** NPWP is a tax number: shown to the organisation's admins and staff, not to the public. */
function toPublicOrg(row: OrgRow, sites: { slug: string; name: string }[] = [], showPrivate = false): PublicOrg {
	return {
		id: row.id,
		slug: row.slug,
		name: row.name,
		kind: row.kind,
		description: row.description,
		website: row.website,
		email: row.email,
		phone: row.phone,
		nib: row.nib,
		npwp: showPrivate ? row.npwp : null,
		kbli: row.kbli,
		tags: row.tags,
		sites
	};
}

async function sitesOf(orgIds: string[]): Promise<Map<string, { slug: string; name: string }[]>> {
	const out = new Map<string, { slug: string; name: string }[]>();
	if (!orgIds.length) return out;
	const rows = await db()
		.select({ orgId: tenancy.orgId, slug: site.slug, name: site.name })
		.from(tenancy)
		.innerJoin(site, eq(site.id, tenancy.siteId))
		.where(and(inArray(tenancy.orgId, orgIds), eq(tenancy.status, 'active')))
		.orderBy(asc(site.name));
	for (const r of rows) out.set(r.orgId, [...(out.get(r.orgId) ?? []), { slug: r.slug, name: r.name }]);
	return out;
}

/**
 * The public Penta Helix directory. A query matches Indonesian or English word stems in name and
 * description (full text) or a name that looks alike (trigram, for typos and partial names).
 * With a query, results are ranked; paging then follows rank order within the first 200.
 */
export async function findOrgs(query: unknown, p: Page): Promise<Paged<PublicOrg>> {
	const q = parse(zDirectoryQuery, query);
	const where: (SQL | undefined)[] = [];
	if (q.kind) where.push(eq(organization.kind, q.kind));
	if (q.tag) where.push(sql`${organization.tags} @> ARRAY[${q.tag.toLowerCase()}]::text[]`);
	if (q.site)
		where.push(
			sql`EXISTS (SELECT 1 FROM tenancy t JOIN site s ON s.id = t.site_id WHERE t.org_id = ${organization.id} AND t.status = 'active' AND s.slug = ${q.site})`
		);
	let rows: OrgRow[];
	if (q.q) {
		const tsq = sql`(websearch_to_tsquery('indonesian', ${q.q}) || websearch_to_tsquery('english', ${q.q}))`;
		where.push(sql`(${organization.search} @@ ${tsq} OR word_similarity(${q.q}, ${organization.name}) >= ${WORD_SIMILARITY} OR ${organization.name} ILIKE ${containsPattern(q.q)})`);
		const offset = Number(p.cursor ? Buffer.from(p.cursor, 'base64url').toString() : 0) || 0;
		rows = await db()
			.select()
			.from(organization)
			.where(and(...where))
			.orderBy(desc(sql`ts_rank(${organization.search}, ${tsq}) + word_similarity(${q.q}, ${organization.name})`), asc(organization.id))
			.limit(p.limit + 1)
			.offset(Math.min(offset, 200));
		const more = rows.length > p.limit;
		const items = rows.slice(0, p.limit);
		const s = await sitesOf(items.map((r) => r.id));
		return {
			items: items.map((r) => toPublicOrg(r, s.get(r.id))),
			nextCursor: more && offset + p.limit < 200 ? Buffer.from(String(offset + p.limit)).toString('base64url') : null
		};
	}
	where.push(afterCursor(organization.name, organization.id, p.cursor));
	rows = await db()
		.select()
		.from(organization)
		.where(and(...where))
		.orderBy(asc(organization.name), asc(organization.id))
		.limit(p.limit + 1);
	const s = await sitesOf(rows.map((r) => r.id));
	return page(rows, p.limit, (r) => [r.name, r.id], (r) => toPublicOrg(r, s.get(r.id)));
}


export async function getOrgRow(idOrSlug: string): Promise<OrgRow> {
	const [row] = await db()
		.select()
		.from(organization)
		.where(isUuid(idOrSlug) ? eq(organization.id, idOrSlug) : eq(organization.slug, idOrSlug));
	if (!row) throw notFound('err_org_not_found');
	return row;
}

export interface OrgDetail extends PublicOrg {
	members: { userId: string; name: string; title: string; isAdmin: boolean }[];
	tenancies: { id: string; siteSlug: string; siteName: string; startsOn: string; endsOn: string | null; status: string }[];
	canEdit: boolean;
}

export async function getOrg(actor: Actor, idOrSlug: string): Promise<OrgDetail> {
	const row = await getOrgRow(idOrSlug);
	const canEdit = await can(actor, Permission.OrgUpdate, { orgId: row.id });
	// Members are listed when their profile is public, or to the organisation's own admins.
	const members = await db()
		.select({ userId: user.id, name: user.name, title: orgMember.title, isAdmin: orgMember.isAdmin, pub: user.publicProfile })
		.from(orgMember)
		.innerJoin(user, eq(user.id, orgMember.userId))
		.where(eq(orgMember.orgId, row.id))
		.orderBy(asc(user.name));
	const tenancies = await db()
		.select({ id: tenancy.id, siteSlug: site.slug, siteName: site.name, startsOn: tenancy.startsOn, endsOn: tenancy.endsOn, status: tenancy.status })
		.from(tenancy)
		.innerJoin(site, eq(site.id, tenancy.siteId))
		.where(eq(tenancy.orgId, row.id))
		.orderBy(desc(tenancy.startsOn));
	const s = await sitesOf([row.id]);
	return {
		...toPublicOrg(row, s.get(row.id), canEdit),
		members: members.filter((m) => canEdit || m.pub).map(({ pub: _p, ...m }) => m),
		tenancies,
		canEdit
	};
}


/**
 * Insert an organisation inside the caller's transaction, the acting person its first admin, with
 * its audit record and event. Null when the slug is taken (nothing is written then).
 */
export async function insertOrg(tx: Tx, actor: Actor, values: typeof organization.$inferInsert): Promise<OrgRow | null> {
	const [created] = await tx.insert(organization).values(values).onConflictDoNothing({ target: organization.slug }).returning();
	if (!created) return null;
	if (actor.kind === 'user') await tx.insert(orgMember).values({ orgId: created.id, userId: actor.userId, title: '', isAdmin: true });
	await audit(tx, actor, { action: 'org.create', targetType: 'organization', targetId: created.id, after: created });
	await enqueue(tx, 'event', { type: 'organization.created', orgId: created.id });
	return created;
}

/** Anyone signed in may register an organisation; they become its first admin. */
export async function createOrg(actor: Actor, input: unknown): Promise<PublicOrg> {
	await requireAccess(actor, Permission.OrgCreate, null);
	const data = parse(zCreateOrg, input);
	const row = await db()
		.transaction(async (tx) => {
			const created = await insertOrg(tx, actor, data);
			if (!created) throw new AppError('CONFLICT', 'err_slug_taken', {}, [{ field: 'slug', key: 'err_slug_taken' }]);
			return created;
		})
		.catch(slugTaken);
	return toPublicOrg(row, [], true);
}

export async function updateOrg(actor: Actor, idOrSlug: string, input: unknown): Promise<PublicOrg> {
	const before = await getOrgRow(idOrSlug);
	await requireAccess(actor, Permission.OrgUpdate, { orgId: before.id });
	const data = parse(zUpdateOrg, input);
	const row = await db()
		.transaction(async (tx) => {
			const [updated] = await tx.update(organization).set({ ...data, updatedAt: sql`now()` }).where(eq(organization.id, before.id)).returning();
			if (!updated) throw notFound('err_org_not_found');
			await audit(tx, actor, { action: 'org.update', targetType: 'organization', targetId: before.id, before, after: updated });
			return updated;
		})
		.catch(slugTaken);
	return toPublicOrg(row, (await sitesOf([row.id])).get(row.id), true);
}

/** Add (or update the title of) a member, found by the e-mail of their Taman account. */
export async function addMember(actor: Actor, orgIdOrSlug: string, input: unknown) {
	const org = await getOrgRow(orgIdOrSlug);
	await requireAccess(actor, Permission.OrgUpdate, { orgId: org.id });
	const data = parse(zAddMember, input);
	const [person] = await db().select({ id: user.id, name: user.name }).from(user).where(eq(user.email, data.email));
	if (!person) throw new AppError('NOT_FOUND', 'err_person_not_found', {}, [{ field: 'email', key: 'err_person_not_found' }]);
	return db().transaction(async (tx) => {
		const [m] = await tx
			.insert(orgMember)
			.values({ orgId: org.id, userId: person.id, title: data.title, isAdmin: data.isAdmin })
			.onConflictDoUpdate({ target: [orgMember.orgId, orgMember.userId], set: { title: data.title, isAdmin: data.isAdmin } })
			.returning();
		await audit(tx, actor, { action: 'org.member.add', targetType: 'organization', targetId: org.id, after: m });
		return { userId: person.id, name: person.name, title: data.title, isAdmin: data.isAdmin };
	});
}

export async function removeMember(actor: Actor, orgIdOrSlug: string, userId: string) {
	const org = await getOrgRow(orgIdOrSlug);
	await requireAccess(actor, Permission.OrgUpdate, { orgId: org.id });
	await db().transaction(async (tx) => {
		const [gone] = await tx.delete(orgMember).where(and(eq(orgMember.orgId, org.id), eq(orgMember.userId, userId))).returning();
		if (!gone) throw notFound('err_member_not_found');
		await audit(tx, actor, { action: 'org.member.remove', targetType: 'organization', targetId: org.id, before: gone });
	});
}

/** Site staff record that an organisation is a tenant of their site. */
export async function createTenancy(actor: Actor, input: unknown) {
	const data = parse(zCreateTenancy, input);
	const s = await getSiteRow(data.siteId);
	await requireAccess(actor, Permission.TenancyManage, { siteId: s.id });
	const org = await getOrgRow(data.orgId);
	return db().transaction(async (tx) => {
		const [t] = await tx.insert(tenancy).values({ ...data, orgId: org.id, siteId: s.id }).returning();
		await audit(tx, actor, { action: 'tenancy.create', siteId: s.id, targetType: 'tenancy', targetId: t?.id, after: t });
		await enqueue(tx, 'event', { type: 'tenancy.created', siteId: s.id, orgId: org.id });
		return t!;
	});
}

/**
 * Site staff change a tenancy's status or dates (applied → active, suspended, ended). Ending one
 * without an end date ends it today in the park's zone. What the tenancy opens — booking rooms that
 * only tenants may book, for one — follows at once, since those checks read the active tenancies.
 */
export async function updateTenancy(actor: Actor, id: string, input: unknown) {
	if (!isUuid(id)) throw notFound('err_tenancy_not_found');
	const [before] = await db().select({ t: tenancy, timeZone: site.timeZone }).from(tenancy).innerJoin(site, eq(site.id, tenancy.siteId)).where(eq(tenancy.id, id));
	if (!before) throw notFound('err_tenancy_not_found');
	await requireAccess(actor, Permission.TenancyManage, { siteId: before.t.siteId });
	const data = parse(zUpdateTenancy, input);
	const startsOn = data.startsOn ?? before.t.startsOn;
	let endsOn = data.endsOn === undefined ? before.t.endsOn : data.endsOn;
	const status = data.status ?? before.t.status;
	if (status === 'ended' && !endsOn) {
		const today = localParts(new Date(), before.timeZone).date;
		endsOn = today < startsOn ? startsOn : today;
	}
	if (endsOn && endsOn < startsOn) throw new AppError('VALIDATION', 'err_validation', {}, [{ field: 'endsOn', key: 'err_field_date_order' }]);
	return db().transaction(async (tx) => {
		const [after] = await tx.update(tenancy).set({ startsOn, endsOn, status }).where(eq(tenancy.id, id)).returning();
		await audit(tx, actor, { action: 'tenancy.update', siteId: before.t.siteId, targetType: 'tenancy', targetId: id, before: before.t, after });
		await enqueue(tx, 'event', { type: 'tenancy.updated', siteId: before.t.siteId, orgId: before.t.orgId, status });
		return after!;
	});
}

const tenanciesQuery = (d: Db, withCursor: boolean, name: string) =>
	d
		.select({ id: tenancy.id, orgId: organization.id, orgSlug: organization.slug, orgName: organization.name, orgKind: organization.kind, startsOn: tenancy.startsOn, endsOn: tenancy.endsOn, status: tenancy.status })
		.from(tenancy)
		.innerJoin(organization, eq(organization.id, tenancy.orgId))
		.where(
			and(
				eq(tenancy.siteId, sql.placeholder('siteId')),
				withCursor ? afterPlaceholders(organization.name, tenancy.id) : undefined
			)
		)
		.orderBy(asc(organization.name), asc(tenancy.id))
		.limit(sql.placeholder('limit'))
		.prepare(name);

export async function findTenancies(siteIdOrSlug: string, p: Page) {
	return tenanciesOfSite((await getSiteRow(siteIdOrSlug)).id, p);
}

/** The tenancies of a site already looked up (public: tenancies are listed on the park's page). */
export async function tenanciesOfSite(siteId: string, p: Page) {
	const rows = await preparedPage('tenancies', tenanciesQuery, p, { siteId });
	return page(rows, p.limit, (r) => [r.orgName, r.id], (r) => r);
}
