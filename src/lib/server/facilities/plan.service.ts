import { and, asc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { db, pgCode, type Tx } from '../db/client.ts';
import { booking, ledgerEntry, plan, planAllowance, planMember, resource, type AllowanceUnit, type ResourceKind } from './schema.ts';
import { orgMember, organization, site } from '../directory/schema.ts';
import { user } from '../auth/schema.ts';
import { can, Permission, requireAccess, requireUser } from '../auth/access.ts';
import { isNetworkAdmin, type Actor } from '../auth/actor.ts';
import { audit } from '../platform/audit.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { parse } from '../../schemas/validate.ts';
import { isUuid } from '../../schemas/common.ts';
import { zAddPlanMember, zCreatePlan, zStatementQuery } from '../../schemas/facilities.ts';
import { getSiteRow } from '../directory/site.service.ts';
import { getOrgRow } from '../directory/org.service.ts';
import { addDays, localParts } from './time.ts';
import type { ResourceRow } from './resource.service.ts';

type BookingRow = typeof booking.$inferSelect;

/** "1,5" hours as people read them (minutes in, hours with up to two decimals out). */
const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

/**
 * Allowances and ledger rows store whole numbers in their unit of account: minutes for an hours
 * allowance, credits for a credits allowance. People and the API see hours or credits.
 */
const shown = (unit: AllowanceUnit, stored: number) => (unit === 'hours' ? hours(stored) : stored);
const stored = (unit: AllowanceUnit, amount: number) => (unit === 'hours' ? Math.round(amount * 60) : amount);

/**
 * What a booking of `minutes` costs against an allowance: its minutes for an hours allowance; for a
 * credits allowance the facility's credits per hour pro rata, rounded up to a whole credit.
 */
export const bookingCost = (unit: AllowanceUnit, minutes: number, creditsPerHour: number) => (unit === 'hours' ? minutes : Math.ceil((minutes * creditsPerHour) / 60));

// ── Plans ──────────────────────────────────────────────────────────────────────────────────

export interface PublicPlan {
	id: string;
	siteId: string;
	name: string;
	description: string;
	allowOverage: boolean;
	/** `amount` a month in the allowance's unit: hours, or credits. */
	allowances: { id: string; name: string; kinds: ResourceKind[]; unit: AllowanceUnit; amount: number }[];
	/** Organisations on the plan (shown to the park's staff only). */
	members: { id: string; orgId: string; orgSlug: string; orgName: string; startsOn: string; endsOn: string | null }[] | null;
}

/** A park's plans with their allowances; members only for the park's staff. */
export async function findPlans(actor: Actor, siteIdOrSlug: string): Promise<PublicPlan[]> {
	const s = await getSiteRow(siteIdOrSlug);
	const staff = await can(actor, Permission.PlanManage, { siteId: s.id });
	const plans = await db().select().from(plan).where(eq(plan.siteId, s.id)).orderBy(asc(plan.name));
	if (!plans.length) return [];
	const ids = plans.map((p) => p.id);
	const [allowances, members] = await Promise.all([
		db().select().from(planAllowance).where(inArray(planAllowance.planId, ids)).orderBy(asc(planAllowance.name)),
		staff
			? db()
					.select({ m: planMember, orgSlug: organization.slug, orgName: organization.name })
					.from(planMember)
					.innerJoin(organization, eq(organization.id, planMember.orgId))
					.where(inArray(planMember.planId, ids))
					.orderBy(asc(organization.name))
			: []
	]);
	return plans.map((p) => ({
		id: p.id,
		siteId: p.siteId,
		name: p.name,
		description: p.description,
		allowOverage: p.allowOverage,
		allowances: allowances.filter((a) => a.planId === p.id).map((a) => ({ id: a.id, name: a.name, kinds: a.kinds, unit: a.unit, amount: shown(a.unit, a.amount) })),
		members: staff ? members.filter((x) => x.m.planId === p.id).map((x) => ({ id: x.m.id, orgId: x.m.orgId, orgSlug: x.orgSlug, orgName: x.orgName, startsOn: x.m.startsOn, endsOn: x.m.endsOn })) : null
	}));
}

export async function createPlan(actor: Actor, siteIdOrSlug: string, input: unknown): Promise<PublicPlan> {
	const s = await getSiteRow(siteIdOrSlug);
	await requireAccess(actor, Permission.PlanManage, { siteId: s.id });
	const data = parse(zCreatePlan, input);
	const id = await db()
		.transaction(async (tx) => {
			const [p] = await tx.insert(plan).values({ siteId: s.id, name: data.name, description: data.description, allowOverage: data.allowOverage }).returning();
			await tx.insert(planAllowance).values(data.allowances.map((a) => ({ planId: p!.id, name: a.name, kinds: a.kinds, unit: a.unit, amount: stored(a.unit, a.amount) })));
			await audit(tx, actor, { action: 'plan.create', siteId: s.id, targetType: 'plan', targetId: p!.id, after: data });
			return p!.id;
		})
		.catch((e: unknown) => {
			if (pgCode(e) === '23505') throw new AppError('CONFLICT', 'err_plan_name_taken', { name: data.name }, [{ field: 'name', key: 'err_plan_name_taken', params: { name: data.name } }]);
			throw e;
		});
	return (await findPlans(actor, s.id)).find((p) => p.id === id)!;
}

async function getPlanRow(id: string) {
	if (!isUuid(id)) throw notFound('err_plan_not_found');
	const [p] = await db().select().from(plan).where(eq(plan.id, id));
	if (!p) throw notFound('err_plan_not_found');
	return p;
}

/** Put an organisation on a plan from a date (until a date, or open-ended). */
export async function addPlanMember(actor: Actor, planId: string, input: unknown) {
	const p = await getPlanRow(planId);
	await requireAccess(actor, Permission.PlanManage, { siteId: p.siteId });
	const data = parse(zAddPlanMember, input);
	if (data.endsOn && data.endsOn < data.startsOn) throw new AppError('VALIDATION', 'err_validation', {}, [{ field: 'endsOn', key: 'err_field_date_order' }]);
	const [o] = await db().select({ id: organization.id }).from(organization).where(eq(organization.id, data.organizationId));
	if (!o) throw new AppError('VALIDATION', 'err_validation', {}, [{ field: 'organizationId', key: 'err_org_not_found' }]);
	return db().transaction(async (tx) => {
		const [m] = await tx.insert(planMember).values({ planId: p.id, orgId: o.id, startsOn: data.startsOn, endsOn: data.endsOn ?? null }).returning();
		await audit(tx, actor, { action: 'plan.add_member', siteId: p.siteId, targetType: 'plan', targetId: p.id, after: m });
		return { id: m!.id, planId: p.id, orgId: o.id, startsOn: m!.startsOn, endsOn: m!.endsOn };
	});
}

// ── Charging bookings ──────────────────────────────────────────────────────────────────────

/** The first day of the park's local month an instant falls in. */
const monthOf = (at: Date, tz: string) => `${localParts(at, tz).date.slice(0, 7)}-01`;

/**
 * Debit bookings made for an organisation from its plan's allowance for the resource's kind, in
 * the caller's transaction: the booked minutes from an hours allowance, the facility's credits per
 * hour × the booked time from a credits allowance (a facility costing no credits debits nothing).
 * The organisation's plan membership row is locked first, so two bookings racing for the last hours
 * are counted one after the other. Beyond the allowance the booking is refused (409, nothing is
 * written) unless the plan allows overage, which is recorded.
 */
export async function chargeBookings(tx: Tx, r: ResourceRow, rows: BookingRow[], orgId: string, tz: string, actorId: string | null) {
	for (const b of rows) {
		const day = localParts(b.startsAt, tz).date;
		const [m] = await tx
			.select({ memberId: planMember.id, allowOverage: plan.allowOverage, allowanceId: planAllowance.id, allowanceName: planAllowance.name, unit: planAllowance.unit, amount: planAllowance.amount })
			.from(planMember)
			.innerJoin(plan, eq(plan.id, planMember.planId))
			.innerJoin(planAllowance, and(eq(planAllowance.planId, plan.id), sql`${r.kind}::resource_kind = ANY(${planAllowance.kinds})`))
			.where(and(eq(planMember.orgId, orgId), eq(plan.siteId, r.siteId), lte(planMember.startsOn, day), or(isNull(planMember.endsOn), gte(planMember.endsOn, day))))
			.orderBy(asc(planMember.startsOn))
			.limit(1);
		if (!m) continue;
		const cost = bookingCost(m.unit, Math.round((b.endsAt.getTime() - b.startsAt.getTime()) / 60000), r.creditsPerHour);
		if (cost === 0) continue;
		await tx.execute(sql`SELECT 1 FROM ${planMember} WHERE ${planMember.id} = ${m.memberId} FOR UPDATE`);
		const month = monthOf(b.startsAt, tz);
		const [{ used }] = (await tx.execute(sql`
			SELECT coalesce(sum(amount), 0)::int AS used FROM ${ledgerEntry}
			WHERE org_id = ${orgId} AND allowance_id = ${m.allowanceId} AND month = ${month}::date AND kind IN ('debit', 'refund')`)).rows as { used: number }[];
		const remaining = Math.max(0, m.amount - used);
		const entry = { orgId, siteId: r.siteId, allowanceId: m.allowanceId, month, bookingId: b.id, actorId };
		if (cost <= remaining) await tx.insert(ledgerEntry).values({ ...entry, kind: 'debit', amount: cost });
		else if (m.allowOverage) {
			if (remaining > 0) await tx.insert(ledgerEntry).values({ ...entry, kind: 'debit', amount: remaining });
			await tx.insert(ledgerEntry).values({ ...entry, kind: 'overage', amount: cost - remaining });
		} else if (m.unit === 'hours') throw new AppError('CONFLICT', 'err_quota_exceeded', { allowance: m.allowanceName, remaining: hours(remaining), month: month.slice(0, 7) });
		else throw new AppError('CONFLICT', 'err_quota_exceeded_credits', { allowance: m.allowanceName, remaining, cost, month: month.slice(0, 7) });
	}
}

export interface AllowanceLeft {
	orgId: string;
	orgName: string;
	allowance: string;
	unit: AllowanceUnit;
	/** Granted each month, in hours or credits. */
	granted: number;
	/** Left this month (never below 0), in the same unit. */
	remaining: number;
	allowOverage: boolean;
	/** The park's local month, YYYY-MM. */
	month: string;
}

/**
 * For the booking form: what is left this month of the allowances that would pay for a booking of
 * this facility (hours, or credits when the facility costs credits), for each organisation the
 * person belongs to that is on one of the park's plans. Computed like `chargeBookings` (debits and refunds of the month), so what it shows is what a
 * booking made now would be checked against.
 */
export async function allowancesFor(actor: Actor, r: { siteId: string; kind: ResourceKind; creditsPerHour: number }, tz: string, at = new Date()): Promise<AllowanceLeft[]> {
	if (actor.kind !== 'user') return [];
	const day = localParts(at, tz).date;
	const month = `${day.slice(0, 7)}-01`;
	const rows = await db()
		.select({ orgId: organization.id, orgName: organization.name, allowanceId: planAllowance.id, allowance: planAllowance.name, unit: planAllowance.unit, amount: planAllowance.amount, allowOverage: plan.allowOverage })
		.from(planMember)
		.innerJoin(orgMember, and(eq(orgMember.orgId, planMember.orgId), eq(orgMember.userId, actor.userId)))
		.innerJoin(organization, eq(organization.id, planMember.orgId))
		.innerJoin(plan, eq(plan.id, planMember.planId))
		.innerJoin(planAllowance, and(eq(planAllowance.planId, plan.id), sql`${r.kind}::resource_kind = ANY(${planAllowance.kinds})`))
		.where(and(eq(plan.siteId, r.siteId), lte(planMember.startsOn, day), or(isNull(planMember.endsOn), gte(planMember.endsOn, day))))
		.orderBy(asc(organization.name), asc(planMember.startsOn));
	if (!rows.length) return [];
	const used = await db()
		.select({ orgId: ledgerEntry.orgId, allowanceId: ledgerEntry.allowanceId, used: sql<number>`coalesce(sum(${ledgerEntry.amount}), 0)::int` })
		.from(ledgerEntry)
		.where(and(inArray(ledgerEntry.allowanceId, rows.map((x) => x.allowanceId)), eq(ledgerEntry.month, month), inArray(ledgerEntry.kind, ['debit', 'refund'])))
		.groupBy(ledgerEntry.orgId, ledgerEntry.allowanceId);
	// Like chargeBookings: an organisation's first plan on that day pays.
	// A credits allowance is not touched by a facility that costs no credits.
	const seen = new Set<string>();
	return rows
		.filter((x) => !seen.has(x.orgId) && seen.add(x.orgId))
		.filter((x) => x.unit === 'hours' || r.creditsPerHour > 0)
		.map((x) => {
			const u = used.find((y) => y.orgId === x.orgId && y.allowanceId === x.allowanceId)?.used ?? 0;
			return { orgId: x.orgId, orgName: x.orgName, allowance: x.allowance, unit: x.unit, granted: shown(x.unit, x.amount), remaining: shown(x.unit, Math.max(0, x.amount - u)), allowOverage: x.allowOverage, month: month.slice(0, 7) };
		});
}

/** Give back what a booking took (on cancellation before its start, or a declined request). */
export async function refundBooking(tx: Tx, bookingId: string, actorId: string | null) {
	const res = await tx.execute(sql`
		SELECT org_id, site_id, allowance_id, month::text AS month,
			sum(amount) FILTER (WHERE kind IN ('debit', 'refund'))::int AS net,
			sum(amount) FILTER (WHERE kind IN ('overage', 'overage_refund'))::int AS over
		FROM ${ledgerEntry} WHERE booking_id = ${bookingId}
		GROUP BY org_id, site_id, allowance_id, month`);
	for (const x of res.rows as { org_id: string; site_id: string; allowance_id: string; month: string; net: number | null; over: number | null }[]) {
		const entry = { orgId: x.org_id, siteId: x.site_id, allowanceId: x.allowance_id, month: x.month, bookingId, actorId };
		if (x.net) await tx.insert(ledgerEntry).values({ ...entry, kind: 'refund', amount: -x.net });
		if (x.over) await tx.insert(ledgerEntry).values({ ...entry, kind: 'overage_refund', amount: -x.over });
	}
}

// ── Statements ─────────────────────────────────────────────────────────────────────────────

export interface StatementLine {
	id: number;
	at: string;
	kind: (typeof ledgerEntry.$inferSelect)['kind'];
	allowance: string;
	unit: AllowanceUnit;
	/** Hours or credits; negative for refunds. */
	amount: number;
	bookingId: string | null;
	resourceName: string | null;
	startsAt: string | null;
	endsAt: string | null;
	bookingStatus: string | null;
	booker: string | null;
}

export interface Statement {
	org: { id: string; slug: string; name: string };
	site: { id: string; slug: string; name: string; timeZone: string };
	month: string;
	plan: string | null;
	/** Per allowance, in its unit (hours or credits). */
	allowances: { id: string; name: string; kinds: ResourceKind[]; unit: AllowanceUnit; granted: number; used: number; refunded: number; overage: number; remaining: number }[];
	lines: StatementLine[];
}

/**
 * An organisation's allowance statement for one month at one park: every ledger movement, and per
 * allowance what was granted, used, refunded and over. For the organisation's members and the
 * park's staff.
 */
export async function statement(actor: Actor, orgIdOrSlug: string, input: unknown): Promise<Statement> {
	const me = await requireUser(actor, Permission.BookingCreate);
	const q = parse(zStatementQuery, input);
	const o = await getOrgRow(orgIdOrSlug);
	const s = await getSiteRow(q.site);
	const [member] = await db().select().from(orgMember).where(and(eq(orgMember.orgId, o.id), eq(orgMember.userId, me.userId)));
	if (!member && !isNetworkAdmin(me)) await requireAccess(actor, Permission.LedgerRead, { siteId: s.id });
	const month = `${q.month}-01`;
	const [y, mo] = q.month.split('-').map(Number) as [number, number];
	const monthEnd = addDays(mo === 12 ? `${y + 1}-01-01` : `${y}-${String(mo + 1).padStart(2, '0')}-01`, -1);
	const [current] = await db()
		.select({ planId: plan.id, planName: plan.name })
		.from(planMember)
		.innerJoin(plan, eq(plan.id, planMember.planId))
		.where(and(eq(planMember.orgId, o.id), eq(plan.siteId, s.id), lte(planMember.startsOn, monthEnd), or(isNull(planMember.endsOn), gte(planMember.endsOn, month))))
		.limit(1);
	const rows = await db()
		.select({ e: ledgerEntry, allowance: planAllowance.name, unit: planAllowance.unit, resourceName: resource.name, startsAt: booking.startsAt, endsAt: booking.endsAt, status: booking.status, booker: user.name })
		.from(ledgerEntry)
		.innerJoin(planAllowance, eq(planAllowance.id, ledgerEntry.allowanceId))
		.leftJoin(booking, eq(booking.id, ledgerEntry.bookingId))
		.leftJoin(resource, eq(resource.id, booking.resourceId))
		.leftJoin(user, eq(user.id, booking.userId))
		.where(and(eq(ledgerEntry.orgId, o.id), eq(ledgerEntry.siteId, s.id), eq(ledgerEntry.month, month)))
		.orderBy(asc(ledgerEntry.id));
	const allowanceRows = current ? await db().select().from(planAllowance).where(eq(planAllowance.planId, current.planId)).orderBy(asc(planAllowance.name)) : [];
	const sum = (id: string, kinds: string[]) => rows.filter((r) => r.e.allowanceId === id && kinds.includes(r.e.kind)).reduce((a, r) => a + r.e.amount, 0);
	return {
		org: { id: o.id, slug: o.slug, name: o.name },
		site: { id: s.id, slug: s.slug, name: s.name, timeZone: s.timeZone },
		month: q.month,
		plan: current?.planName ?? null,
		allowances: allowanceRows.map((a) => {
			const used = sum(a.id, ['debit']);
			const refunded = 0 - sum(a.id, ['refund']); // 0 - x, not -x: no "-0" when nothing was refunded
			const n = (x: number) => shown(a.unit, x);
			return { id: a.id, name: a.name, kinds: a.kinds, unit: a.unit, granted: n(a.amount), used: n(used), refunded: n(refunded), overage: n(sum(a.id, ['overage', 'overage_refund'])), remaining: n(Math.max(0, a.amount - used + refunded)) };
		}),
		lines: rows.map((r) => ({
			id: r.e.id,
			at: r.e.createdAt.toISOString(),
			kind: r.e.kind,
			allowance: r.allowance,
			unit: r.unit,
			amount: shown(r.unit, r.e.amount),
			bookingId: r.e.bookingId,
			resourceName: r.resourceName,
			startsAt: r.startsAt?.toISOString() ?? null,
			endsAt: r.endsAt?.toISOString() ?? null,
			bookingStatus: r.status,
			booker: r.booker
		}))
	};
}

/** The plans an organisation is on, across parks, for its own members (others see none). */
export async function plansOfOrg(actor: Actor, orgIdOrSlug: string) {
	if (actor.kind !== 'user') return [];
	const o = await getOrgRow(orgIdOrSlug);
	const [member] = await db().select().from(orgMember).where(and(eq(orgMember.orgId, o.id), eq(orgMember.userId, actor.userId)));
	if (!member && !isNetworkAdmin(actor)) return [];
	return db()
		.select({ id: planMember.id, plan: plan.name, siteSlug: site.slug, siteName: site.name, timeZone: site.timeZone, startsOn: planMember.startsOn, endsOn: planMember.endsOn })
		.from(planMember)
		.innerJoin(plan, eq(plan.id, planMember.planId))
		.innerJoin(site, eq(site.id, plan.siteId))
		.where(eq(planMember.orgId, o.id))
		.orderBy(asc(site.name));
}
