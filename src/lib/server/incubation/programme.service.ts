import { and, asc, desc, eq, gt, inArray, isNull, lte, sql } from 'drizzle-orm';
import { db } from '../db/client.ts';
import { programme, programmeCall } from './schema.ts';
import { plan } from '../facilities/schema.ts';
import { site } from '../directory/schema.ts';
import { Permission, requireAccess } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { audit } from '../platform/audit.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { parse } from '../../schemas/validate.ts';
import { defined, isUuid } from '../../schemas/common.ts';
import { zCreateCall, zCreateProgramme, zProgrammeQuery, zUpdateCall, zUpdateProgramme } from '../../schemas/incubation.ts';
import { slugTaken } from '../directory/common.ts';
import { host, hostOf } from '../directory/host.ts';

type ProgrammeRow = typeof programme.$inferSelect;
type CallRow = typeof programmeCall.$inferSelect;

export type CallState = 'upcoming' | 'open' | 'closed';

export interface PublicCall {
	id: string;
	programmeId: string;
	title: string;
	description: string;
	opensAt: string;
	closesAt: string;
	state: CallState;
}

export interface PublicProgramme extends Omit<ProgrammeRow, 'createdAt' | 'updatedAt'> {
	siteSlug: string;
	siteName: string;
	timeZone: string;
	planName: string | null;
	calls: PublicCall[];
}

const stateOf = (c: CallRow, now: Date): CallState => (now < c.opensAt ? 'upcoming' : now < c.closesAt ? 'open' : 'closed');
const toCall = (c: CallRow, now: Date): PublicCall => ({ id: c.id, programmeId: c.programmeId, title: c.title, description: c.description, opensAt: c.opensAt.toISOString(), closesAt: c.closesAt.toISOString(), state: stateOf(c, now) });

const base = () =>
	db()
		.select({ p: programme, siteSlug: host.siteSlug, siteName: host.siteName, timeZone: host.timeZone, planName: plan.name })
		.from(programme)
		.leftJoin(site, eq(site.id, programme.siteId))
		.leftJoin(plan, eq(plan.id, programme.planId));

async function withCalls(rows: Awaited<ReturnType<typeof base>>, now: Date): Promise<PublicProgramme[]> {
	if (!rows.length) return [];
	const calls = await db().select().from(programmeCall).where(inArray(programmeCall.programmeId, rows.map((r) => r.p.id))).orderBy(desc(programmeCall.opensAt));
	return rows.map(({ p, ...r }) => {
		const { createdAt: _c, updatedAt: _u, ...rest } = p;
		return { ...rest, ...r, calls: calls.filter((c) => c.programmeId === p.id).map((c) => toCall(c, now)) };
	});
}

const ofHost = (siteId: string | null) => (siteId ? eq(programme.siteId, siteId) : isNull(programme.siteId));

/**
 * Programmes of one park, of the network itself (`site=jaringan`), or all of them, those with a
 * call open now first. Public: parks advertise their programmes and calls.
 */
export async function findProgrammes(input: unknown, now = new Date()): Promise<PublicProgramme[]> {
	const q = parse(zProgrammeQuery, input);
	const where = q.site ? ofHost(await hostOf(q.site)) : undefined;
	const openNow = sql`EXISTS (SELECT 1 FROM ${programmeCall} c WHERE c.programme_id = ${programme.id} AND c.opens_at <= ${now} AND c.closes_at > ${now})`;
	const rows = await base()
		.where(and(where, q.open ? openNow : undefined))
		.orderBy(desc(openNow), desc(programme.startsOn), asc(programme.name))
		.limit(200);
	return withCalls(rows, now);
}

/** A programme by id, or by its park (or `jaringan`) and slug. */
export async function getProgramme(idOrSlug: string, siteIdOrSlug?: string, now = new Date()): Promise<PublicProgramme> {
	let rows;
	if (siteIdOrSlug) {
		rows = await base().where(and(ofHost(await hostOf(siteIdOrSlug)), eq(programme.slug, idOrSlug)));
	} else {
		if (!isUuid(idOrSlug)) throw notFound('err_programme_not_found');
		rows = await base().where(eq(programme.id, idOrSlug));
	}
	if (!rows.length) throw notFound('err_programme_not_found');
	return (await withCalls(rows, now))[0]!;
}

/** The plan must be one of the same park's; the network's own programmes have none (plans are a park's). */
async function checkPlan(siteId: string | null, planId: string | null | undefined) {
	if (!planId) return;
	if (!siteId) throw new AppError('VALIDATION', 'err_validation', {}, [{ field: 'planId', key: 'err_plan_network' }]);
	const [p] = await db().select({ siteId: plan.siteId }).from(plan).where(eq(plan.id, planId));
	if (p?.siteId !== siteId) throw new AppError('VALIDATION', 'err_validation', {}, [{ field: 'planId', key: 'err_plan_not_found' }]);
}

const datesInOrder = (startsOn: string, endsOn: string) => {
	if (endsOn < startsOn) throw new AppError('VALIDATION', 'err_validation', {}, [{ field: 'endsOn', key: 'err_field_date_order' }]);
};

/** A programme of a park (its staff), or of the network itself when the site is `jaringan` (network admins). */
export async function createProgramme(actor: Actor, siteIdOrSlug: string, input: unknown): Promise<PublicProgramme> {
	const siteId = await hostOf(siteIdOrSlug);
	await requireAccess(actor, Permission.ProgrammeManage, { siteId });
	const data = parse(zCreateProgramme, input);
	datesInOrder(data.startsOn, data.endsOn);
	await checkPlan(siteId, data.planId);
	const row = await db()
		.transaction(async (tx) => {
			const [p] = await tx.insert(programme).values({ ...data, capacity: data.capacity ?? null, planId: data.planId ?? null, siteId }).returning();
			await audit(tx, actor, { action: 'programme.create', siteId, targetType: 'programme', targetId: p!.id, after: p });
			return p!;
		})
		.catch(slugTaken);
	return getProgramme(row.id);
}

export async function updateProgramme(actor: Actor, id: string, input: unknown): Promise<PublicProgramme> {
	const before = await getProgramme(id);
	await requireAccess(actor, Permission.ProgrammeManage, { siteId: before.siteId });
	const data = parse(zUpdateProgramme, input);
	datesInOrder(data.startsOn ?? before.startsOn, data.endsOn ?? before.endsOn);
	await checkPlan(before.siteId, data.planId);
	const changes = defined(data);
	await db()
		.transaction(async (tx) => {
			const [after] = await tx.update(programme).set({ ...changes, updatedAt: sql`now()` }).where(eq(programme.id, before.id)).returning();
			await audit(tx, actor, { action: 'programme.update', siteId: before.siteId, targetType: 'programme', targetId: before.id, before, after });
		})
		.catch(slugTaken);
	return getProgramme(before.id);
}

const windowInOrder = (opensAt: Date, closesAt: Date) => {
	if (closesAt <= opensAt) throw new AppError('VALIDATION', 'err_validation', {}, [{ field: 'closesAt', key: 'err_call_window' }]);
};

/** Open a call for applications to a programme (its park's staff). */
export async function createCall(actor: Actor, programmeId: string, input: unknown, now = new Date()): Promise<PublicCall> {
	const p = await getProgramme(programmeId);
	await requireAccess(actor, Permission.ProgrammeManage, { siteId: p.siteId });
	const data = parse(zCreateCall, input);
	windowInOrder(data.opensAt, data.closesAt);
	return db().transaction(async (tx) => {
		const [c] = await tx.insert(programmeCall).values({ ...data, programmeId: p.id }).returning();
		await audit(tx, actor, { action: 'call.create', siteId: p.siteId, targetType: 'programme_call', targetId: c!.id, after: c });
		return toCall(c!, now);
	});
}

/** Change a call: its text, or move its opening or closing (an extension, an early close). */
export async function updateCall(actor: Actor, id: string, input: unknown, now = new Date()): Promise<PublicCall> {
	if (!isUuid(id)) throw notFound('err_call_not_found');
	const [row] = await db().select({ c: programmeCall, siteId: programme.siteId }).from(programmeCall).innerJoin(programme, eq(programme.id, programmeCall.programmeId)).where(eq(programmeCall.id, id));
	if (!row) throw notFound('err_call_not_found');
	await requireAccess(actor, Permission.ProgrammeManage, { siteId: row.siteId });
	const data = parse(zUpdateCall, input);
	windowInOrder(data.opensAt ?? row.c.opensAt, data.closesAt ?? row.c.closesAt);
	const changes = defined(data);
	return db().transaction(async (tx) => {
		const [c] = await tx.update(programmeCall).set(changes).where(eq(programmeCall.id, id)).returning();
		await audit(tx, actor, { action: 'call.update', siteId: row.siteId, targetType: 'programme_call', targetId: id, before: row.c, after: c });
		return toCall(c!, now);
	});
}

/** Calls open now across the network, closing soonest first (the home page and the programmes page). */
export async function openCalls(now = new Date(), limit = 20) {
	return db()
		.select({ id: programmeCall.id, title: programmeCall.title, closesAt: programmeCall.closesAt, programmeSlug: programme.slug, programmeName: programme.name, kind: programme.kind, siteSlug: host.siteSlug, siteName: host.siteName, timeZone: host.timeZone })
		.from(programmeCall)
		.innerJoin(programme, eq(programme.id, programmeCall.programmeId))
		.leftJoin(site, eq(site.id, programme.siteId))
		.where(and(lte(programmeCall.opensAt, now), gt(programmeCall.closesAt, now)))
		.orderBy(asc(programmeCall.closesAt))
		.limit(limit);
}
