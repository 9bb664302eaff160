import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { db, pgCode, type Tx } from '../db/client.ts';
import { booking, holdingStatuses, loan, maintenance, photo, resource } from './schema.ts';
import { orgMember, organization, site } from '../directory/schema.ts';
import { user } from '../auth/schema.ts';
import { can, Permission, requireAccess, requireUser } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { audit } from '../platform/audit.ts';
import { fileKind, sha256 } from '../platform/files.ts';
import { currentLocale } from '../platform/context.ts';
import { enqueue } from '../platform/outbox.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { parse } from '../../schemas/validate.ts';
import { isUuid } from '../../schemas/common.ts';
import { zCheckOut, zCreateMaintenance, zLoanQuery, zReportQuery, zReturn } from '../../schemas/facilities.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { getResourceFull } from './resource.service.ts';
import { missingQualification } from './qualification.service.ts';
import { getSiteRow } from '../directory/site.service.ts';
import { loanMail, type LoanMailKind } from './mail.ts';
import { addDays, zonedInstant } from './time.ts';

type LoanRow = typeof loan.$inferSelect;
type Condition = LoanRow['conditionOut'];

/** A photo as it arrives from a form: its declared type and its bytes. */
export interface PhotoUpload {
	type: string;
	data: Uint8Array;
}

export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;

/** Check a photo before anything is written: a field error on `field` names what is wrong. */
function checkPhoto(p: PhotoUpload | undefined, field: string) {
	if (!p) return;
	if (p.data.byteLength > PHOTO_MAX_BYTES) throw new AppError('VALIDATION', 'err_validation', {}, [{ field, key: 'err_photo_size', params: { mb: PHOTO_MAX_BYTES / 1024 / 1024 } }]);
	if (!p.type.startsWith('image/') || fileKind(p.data) !== p.type) throw new AppError('VALIDATION', 'err_validation', {}, [{ field, key: 'err_photo_type' }]);
}

async function storePhoto(tx: Tx, siteId: string, actor: Actor, p: PhotoUpload | undefined): Promise<string | null> {
	if (!p) return null;
	const content = Buffer.from(p.data);
	const [row] = await tx
		.insert(photo)
		.values({ siteId, mime: p.type, bytes: content.byteLength, sha256: sha256(content), content, createdBy: actor.kind === 'user' ? actor.userId : null })
		.returning({ id: photo.id });
	return row!.id;
}

/** A photo of a loan, for the staff of its site. */
export async function getPhoto(actor: Actor, id: string): Promise<{ mime: string; content: Buffer; sha256: string }> {
	if (!isUuid(id)) throw notFound('err_photo_not_found');
	const [p] = await db().select().from(photo).where(eq(photo.id, id));
	if (!p) throw notFound('err_photo_not_found');
	await requireAccess(actor, Permission.LoanRead, { siteId: p.siteId });
	return { mime: p.mime, content: p.content, sha256: p.sha256 };
}

// ── Loans ──────────────────────────────────────────────────────────────────────────────────

export interface PublicLoan {
	id: string;
	resourceId: string;
	resourceName: string;
	assetTag: string | null;
	fundingSource: string | null;
	siteId: string;
	siteSlug: string;
	timeZone: string;
	userId: string;
	userName: string;
	userEmail: string;
	orgId: string | null;
	orgName: string | null;
	checkedOutAt: string;
	dueAt: string;
	returnedAt: string | null;
	conditionOut: Condition;
	conditionIn: Condition | null;
	noteOut: string;
	noteIn: string | null;
	photoOut: string | null;
	photoIn: string | null;
	overdue: boolean;
}

const columns = {
	l: loan,
	resourceName: resource.name,
	assetTag: resource.assetTag,
	fundingSource: resource.fundingSource,
	siteSlug: site.slug,
	siteName: site.name,
	timeZone: site.timeZone,
	userName: user.name,
	userEmail: user.email,
	userLocale: user.locale,
	orgName: organization.name
};
type Row = { l: LoanRow; resourceName: string; assetTag: string | null; fundingSource: string | null; siteSlug: string; siteName: string; timeZone: string; userName: string; userEmail: string; userLocale: string; orgName: string | null };

const base = (d: Tx = db()) =>
	d
		.select(columns)
		.from(loan)
		.innerJoin(resource, eq(resource.id, loan.resourceId))
		.innerJoin(site, eq(site.id, loan.siteId))
		.innerJoin(user, eq(user.id, loan.userId))
		.leftJoin(organization, eq(organization.id, loan.orgId));

function toPublic(row: Row, now = new Date()): PublicLoan {
	const l = row.l;
	return {
		id: l.id,
		resourceId: l.resourceId,
		resourceName: row.resourceName,
		assetTag: row.assetTag,
		fundingSource: row.fundingSource,
		siteId: l.siteId,
		siteSlug: row.siteSlug,
		timeZone: row.timeZone,
		userId: l.userId,
		userName: row.userName,
		userEmail: row.userEmail,
		orgId: l.orgId,
		orgName: row.orgName,
		checkedOutAt: l.checkedOutAt.toISOString(),
		dueAt: l.dueAt.toISOString(),
		returnedAt: l.returnedAt?.toISOString() ?? null,
		conditionOut: l.conditionOut,
		conditionIn: l.conditionIn,
		noteOut: l.noteOut,
		noteIn: l.noteIn,
		photoOut: l.photoOut,
		photoIn: l.photoIn,
		overdue: !l.returnedAt && l.dueAt < now
	};
}

async function getLoanRow(id: string) {
	if (!isUuid(id)) throw notFound('err_loan_not_found');
	const [row] = await base().where(eq(loan.id, id));
	if (!row) throw notFound('err_loan_not_found');
	return row;
}

/** A loan, for its borrower or the staff of its site. */
export async function getLoan(actor: Actor, id: string): Promise<PublicLoan> {
	const row = await getLoanRow(id);
	if (!(actor.kind === 'user' && actor.userId === row.l.userId)) await requireAccess(actor, Permission.LoanRead, { siteId: row.l.siteId });
	return toPublic(row);
}

async function mailBorrower(tx: Tx, row: Row, kind: LoanMailKind) {
	const locale = row.userLocale === 'en' ? 'en' : 'id';
	await enqueue(tx, 'email', loanMail(locale, kind, { to: row.userEmail, name: row.userName, resource: row.resourceName, site: row.siteName, due: formatDateTime(row.l.dueAt, locale, row.timeZone) }));
}

/**
 * Staff lend a portable item to a person (and their organisation) until a due date. Refused when
 * the item is out already (one open loan per item, by a unique index), when a booking holds it
 * in that time, or when the borrower lacks its qualification.
 */
export async function checkOut(actor: Actor, input: unknown, photoOut?: PhotoUpload, now = new Date()): Promise<PublicLoan> {
	const data = parse(zCheckOut, input);
	const { row: r, resource: pub } = await getResourceFull(data.resourceId);
	await requireAccess(actor, Permission.LoanManage, { siteId: r.siteId });
	if (!r.active || r.class !== 'equipment') throw new AppError('VALIDATION', 'err_validation', {}, [{ field: 'resourceId', key: 'err_loan_not_portable' }]);
	if (data.dueAt <= now) throw new AppError('VALIDATION', 'err_validation', {}, [{ field: 'dueAt', key: 'err_loan_due_past' }]);
	if (data.dueAt.getTime() > now.getTime() + r.maxDaysAhead * 86_400_000) throw new AppError('VALIDATION', 'err_validation', {}, [{ field: 'dueAt', key: 'err_booking_too_far', params: { days: r.maxDaysAhead } }]);
	checkPhoto(photoOut, 'photo');
	const [borrower] = await db().select({ id: user.id }).from(user).where(eq(user.email, data.email));
	if (!borrower) throw new AppError('VALIDATION', 'err_validation', {}, [{ field: 'email', key: 'err_user_not_found' }]);
	if (data.organizationId) {
		const [member] = await db().select().from(orgMember).where(and(eq(orgMember.orgId, data.organizationId), eq(orgMember.userId, borrower.id)));
		if (!member) throw new AppError('VALIDATION', 'err_validation', {}, [{ field: 'organizationId', key: 'err_loan_not_org_member' }]);
	}
	const missing = await missingQualification(db(), borrower.id, r.qualificationId);
	if (missing !== null) {
		await audit(db(), actor, { action: 'loan.check_out', outcome: 'denied', siteId: r.siteId, targetType: 'resource', targetId: r.id, after: { reason: 'err_qualification_missing', userId: borrower.id } });
		throw new AppError('FORBIDDEN', 'err_qualification_borrower', { name: missing });
	}
	const id = await db()
		.transaction(async (tx) => {
			// Bookings of this item wait for the check-out (they lock it FOR SHARE) and then see the loan.
			await tx.execute(sql`SELECT 1 FROM ${resource} WHERE ${resource.id} = ${r.id} FOR UPDATE`);
			const [held] = await tx
				.select({ startsAt: booking.startsAt, endsAt: booking.endsAt })
				.from(booking)
				.where(and(eq(booking.resourceId, r.id), inArray(booking.status, [...holdingStatuses]), sql`${booking.held} && tstzrange(${now}, ${data.dueAt})`))
				.orderBy(asc(booking.startsAt))
				.limit(1);
			if (held) throw new AppError('CONFLICT', 'err_loan_booked', { time: formatDateTime(held.startsAt, currentLocale(), pub.timeZone) });
			const photoId = await storePhoto(tx, r.siteId, actor, photoOut);
			const [l] = await tx
				.insert(loan)
				.values({ resourceId: r.id, siteId: r.siteId, userId: borrower.id, orgId: data.organizationId ?? null, checkedOutAt: now, dueAt: data.dueAt, checkedOutBy: actor.kind === 'user' ? actor.userId : null, conditionOut: data.condition, noteOut: data.note, photoOut: photoId })
				.returning();
			await tx.update(resource).set({ condition: data.condition, updatedAt: now }).where(eq(resource.id, r.id));
			await audit(tx, actor, { action: 'loan.check_out', siteId: r.siteId, targetType: 'loan', targetId: l!.id, after: { resourceId: r.id, userId: borrower.id, dueAt: l!.dueAt, condition: data.condition } });
			return l!.id;
		})
		.catch(async (e: unknown) => {
			if (pgCode(e) !== '23505') throw e;
			const [open] = await db().select({ dueAt: loan.dueAt }).from(loan).where(and(eq(loan.resourceId, r.id), isNull(loan.returnedAt)));
			throw new AppError('CONFLICT', 'err_loan_already_out', { due: open ? formatDateTime(open.dueAt, currentLocale(), pub.timeZone) : '' });
		});
	const row = await getLoanRow(id);
	await db().transaction((tx) => mailBorrower(tx, row, 'out'));
	return toPublic(row, now);
}

/** Staff take an item back, recording its condition (and a photo); the item's condition follows. */
export async function returnLoan(actor: Actor, id: string, input: unknown, photoIn?: PhotoUpload, now = new Date()): Promise<PublicLoan> {
	const row = await getLoanRow(id);
	await requireAccess(actor, Permission.LoanManage, { siteId: row.l.siteId });
	const data = parse(zReturn, input);
	checkPhoto(photoIn, 'photo');
	await db().transaction(async (tx) => {
		const photoId = await storePhoto(tx, row.l.siteId, actor, photoIn);
		const res = await tx
			.update(loan)
			.set({ returnedAt: now, returnedTo: actor.kind === 'user' ? actor.userId : null, conditionIn: data.condition, noteIn: data.note, photoIn: photoId })
			.where(and(eq(loan.id, id), isNull(loan.returnedAt)))
			.returning({ id: loan.id });
		if (!res.length) throw new AppError('CONFLICT', 'err_loan_returned');
		await tx.update(resource).set({ condition: data.condition, updatedAt: now }).where(eq(resource.id, row.l.resourceId));
		await audit(tx, actor, { action: 'loan.return', siteId: row.l.siteId, targetType: 'loan', targetId: id, before: { condition: row.l.conditionOut }, after: { condition: data.condition, late: row.l.dueAt < now } });
	});
	const after = await getLoanRow(id);
	await db().transaction((tx) => mailBorrower(tx, after, 'returned'));
	return toPublic(after, now);
}

/** Loans: a site's or one item's (staff), or my own. */
export async function findLoans(actor: Actor, input: unknown, now = new Date()): Promise<PublicLoan[]> {
	const me = await requireUser(actor, Permission.BookingCreate);
	const q = parse(zLoanQuery, input);
	let siteId: string | undefined;
	if (q.site) siteId = (await getSiteRow(q.site)).id;
	else if (q.resource) siteId = (await getResourceFull(q.resource)).row.siteId;
	const mineOnly = !!q.mine || !siteId;
	if (!mineOnly) await requireAccess(actor, Permission.LoanRead, { siteId: siteId! });
	const rows = await base()
		.where(
			and(
				mineOnly ? eq(loan.userId, me.userId) : undefined,
				siteId ? eq(loan.siteId, siteId) : undefined,
				q.resource ? eq(loan.resourceId, q.resource) : undefined,
				q.status === 'open' ? isNull(loan.returnedAt) : undefined,
				q.status === 'overdue' ? and(isNull(loan.returnedAt), lt(loan.dueAt, now)) : undefined,
				q.status === 'returned' ? isNotNull(loan.returnedAt) : undefined
			)
		)
		.orderBy(sql`${loan.returnedAt} IS NOT NULL`, desc(loan.checkedOutAt))
		.limit(500);
	return rows.map((r) => toPublic(r, now));
}

/**
 * Worker: e-mail borrowers the day before an item is due, and every day it is overdue (at most
 * once per 24 hours). Returns how many e-mails were queued.
 */
export async function loanReminders(now = new Date()): Promise<number> {
	return db().transaction(async (tx) => {
		const dayAgo = new Date(now.getTime() - 86_400_000);
		const rows = await base(tx)
			.where(
				and(
					isNull(loan.returnedAt),
					or(
						and(isNull(loan.dueNoticeAt), lt(loan.dueAt, new Date(now.getTime() + 86_400_000)), sql`${loan.dueAt} >= ${now}`),
						and(lt(loan.dueAt, now), or(isNull(loan.overdueNoticeAt), lt(loan.overdueNoticeAt, dayAgo)))
					)
				)
			)
			.for('update', { of: loan, skipLocked: true });
		for (const row of rows) {
			const overdue = row.l.dueAt < now;
			await mailBorrower(tx, row, overdue ? 'overdue' : 'due');
			await tx.update(loan).set(overdue ? { overdueNoticeAt: now } : { dueNoticeAt: now }).where(eq(loan.id, row.l.id));
		}
		return rows.length;
	});
}

// ── Maintenance ────────────────────────────────────────────────────────────────────────────

export interface PublicMaintenance {
	id: string;
	performedOn: string;
	kind: (typeof maintenance.$inferSelect)['kind'];
	description: string;
	costIdr: number | null;
	performedBy: string;
	conditionAfter: Condition | null;
}

const toMaintenance = (m: typeof maintenance.$inferSelect): PublicMaintenance => ({
	id: m.id,
	performedOn: m.performedOn,
	kind: m.kind,
	description: m.description,
	costIdr: m.costIdr,
	performedBy: m.performedBy,
	conditionAfter: m.conditionAfter
});

/** An item's maintenance records, newest first (staff of its site). */
export async function maintenanceOf(actor: Actor, resourceId: string): Promise<PublicMaintenance[]> {
	const { row: r } = await getResourceFull(resourceId);
	await requireAccess(actor, Permission.LoanRead, { siteId: r.siteId });
	const rows = await db().select().from(maintenance).where(eq(maintenance.resourceId, r.id)).orderBy(desc(maintenance.performedOn), desc(maintenance.createdAt));
	return rows.map(toMaintenance);
}

/** Staff record what was done to an item; a condition after the work becomes the item's condition. */
export async function addMaintenance(actor: Actor, resourceId: string, input: unknown): Promise<PublicMaintenance> {
	const { row: r } = await getResourceFull(resourceId);
	await requireAccess(actor, Permission.LoanManage, { siteId: r.siteId });
	const data = parse(zCreateMaintenance, input);
	return db().transaction(async (tx) => {
		const [m] = await tx
			.insert(maintenance)
			.values({ resourceId: r.id, siteId: r.siteId, performedOn: data.performedOn, kind: data.kind, description: data.description, costIdr: data.costIdr ?? null, performedBy: data.performedBy, conditionAfter: data.conditionAfter ?? null, recordedBy: actor.kind === 'user' ? actor.userId : null })
			.returning();
		if (data.conditionAfter) await tx.update(resource).set({ condition: data.conditionAfter, updatedAt: new Date() }).where(eq(resource.id, r.id));
		await audit(tx, actor, { action: 'maintenance.create', siteId: r.siteId, targetType: 'resource', targetId: r.id, after: m });
		return toMaintenance(m!);
	});
}

// ── Utilisation report ─────────────────────────────────────────────────────────────────────

export interface UtilisationRow {
	resourceId: string;
	name: string;
	kind: string;
	assetTag: string | null;
	serialNumber: string | null;
	fundingSource: string | null;
	acquiredOn: string | null;
	condition: Condition | null;
	loans: number;
	/** Days the item was out on loan within the period (to one decimal). */
	loanDays: number;
	lateReturns: number;
	/** Open loans past their due date now. */
	overdueNow: number;
	/** Hours of bookings holding it (pending, confirmed, checked in) within the period. */
	bookedHours: number;
	maintenanceCount: number;
	maintenanceCostIdr: number;
}

/**
 * Per item of equipment at a site, for a period of local dates [from, to]: loans, days out, late
 * returns, booked hours and maintenance, with its funding source so an auditor can group by it.
 */
export async function utilisationReport(actor: Actor, siteIdOrSlug: string, input: unknown): Promise<{ from: string; to: string; items: UtilisationRow[] }> {
	const s = await getSiteRow(siteIdOrSlug);
	await requireAccess(actor, Permission.LoanRead, { siteId: s.id });
	const q = parse(zReportQuery, input);
	if (q.to < q.from) throw new AppError('VALIDATION', 'err_validation', {}, [{ field: 'to', key: 'err_field_date_order' }]);
	const from = zonedInstant(q.from, 0, s.timeZone);
	const to = zonedInstant(addDays(q.to, 1), 0, s.timeZone);
	const period = sql`tstzrange(${from}, ${to})`;
	const res = await db().execute(sql`
		SELECT r.id, r.name, r.kind, r.asset_tag, r.serial_number, r.funding_source, r.acquired_on::text AS acquired_on, r.condition,
			(SELECT count(*)::int FROM ${loan} l WHERE l.resource_id = r.id AND tstzrange(l.checked_out_at, coalesce(l.returned_at, greatest(now(), l.checked_out_at))) && ${period}) AS loans,
			(SELECT coalesce(sum(extract(epoch FROM upper(x) - lower(x))), 0)::float8 / 86400 FROM (
				SELECT tstzrange(l.checked_out_at, coalesce(l.returned_at, greatest(now(), l.checked_out_at))) * ${period} AS x FROM ${loan} l WHERE l.resource_id = r.id) o WHERE NOT isempty(x)) AS loan_days,
			(SELECT count(*)::int FROM ${loan} l WHERE l.resource_id = r.id AND l.returned_at > l.due_at AND l.returned_at >= ${from} AND l.returned_at < ${to}) AS late_returns,
			(SELECT count(*)::int FROM ${loan} l WHERE l.resource_id = r.id AND l.returned_at IS NULL AND l.due_at < now()) AS overdue_now,
			(SELECT coalesce(sum(extract(epoch FROM upper(x) - lower(x))), 0)::float8 / 3600 FROM (
				SELECT tstzrange(b.starts_at, b.ends_at) * ${period} AS x FROM ${booking} b
				WHERE b.resource_id = r.id AND b.status IN ('pending', 'confirmed', 'checked_in')) o WHERE NOT isempty(x)) AS booked_hours,
			(SELECT count(*)::int FROM ${maintenance} m WHERE m.resource_id = r.id AND m.performed_on BETWEEN ${q.from}::date AND ${q.to}::date) AS maintenance_count,
			(SELECT coalesce(sum(m.cost_idr), 0)::float8 FROM ${maintenance} m WHERE m.resource_id = r.id AND m.performed_on BETWEEN ${q.from}::date AND ${q.to}::date) AS maintenance_cost
		FROM ${resource} r
		WHERE r.site_id = ${s.id} AND r.class = 'equipment'
		ORDER BY r.funding_source NULLS LAST, r.name`);
	const round = (n: number) => Math.round(n * 10) / 10;
	const items = (res.rows as Record<string, unknown>[]).map((x) => ({
		resourceId: String(x.id),
		name: String(x.name),
		kind: String(x.kind),
		assetTag: (x.asset_tag as string | null) ?? null,
		serialNumber: (x.serial_number as string | null) ?? null,
		fundingSource: (x.funding_source as string | null) ?? null,
		acquiredOn: (x.acquired_on as string | null) ?? null,
		condition: (x.condition as Condition | null) ?? null,
		loans: Number(x.loans),
		loanDays: round(Number(x.loan_days)),
		lateReturns: Number(x.late_returns),
		overdueNow: Number(x.overdue_now),
		bookedHours: round(Number(x.booked_hours)),
		maintenanceCount: Number(x.maintenance_count),
		maintenanceCostIdr: Number(x.maintenance_cost)
	}));
	return { from: q.from, to: q.to, items };
}

/** Whether the actor may run the loan desk at a site (for showing links; the services check again). */
export const canLend = (actor: Actor, siteId: string) => can(actor, Permission.LoanManage, { siteId });
