import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { db } from '../db/client.ts';
import { cohortMember, kpiForm, kpiReport, programme, reminderSent, type KpiMetric } from './schema.ts';
import { organization, site } from '../directory/schema.ts';
import { Permission, requireAccess } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { audit } from '../platform/audit.ts';
import { enqueue } from '../platform/outbox.ts';
import { AppError, type FieldError } from '../platform/errors.ts';
import type { Column } from '../platform/export.ts';
import { parse } from '../../schemas/validate.ts';
import { zKpiForm, zKpiReport } from '../../schemas/incubation.ts';
import { localParts } from '../facilities/time.ts';
import { m } from '../../paraglide/messages.js';
import { dueOn, endedPeriods, isPeriod, periodOf, reportState, type Frequency, type ReportState } from '../../kpi.ts';
import { memberRow, programmeRow, standing, startupPeople, planLink, type MemberJoined } from './cohort.service.ts';
import { kpiMail } from './mail.ts';
import { host } from '../directory/host.ts';

export interface KpiFormView {
	frequency: Frequency;
	dueDay: number;
	metrics: KpiMetric[];
	/** False until staff save the programme's own form: this is then the standard monthly one. */
	saved: boolean;
}

const standard: [string, KpiMetric['type'], () => string, () => string][] = [
	['revenue', 'money', () => m.kpi_metric_revenue({}, { locale: 'id' }), () => m.kpi_metric_revenue({}, { locale: 'en' })],
	['paying_customers', 'count', () => m.kpi_metric_paying_customers({}, { locale: 'id' }), () => m.kpi_metric_paying_customers({}, { locale: 'en' })],
	['active_users', 'count', () => m.kpi_metric_active_users({}, { locale: 'id' }), () => m.kpi_metric_active_users({}, { locale: 'en' })],
	['employees', 'count', () => m.kpi_metric_employees({}, { locale: 'id' }), () => m.kpi_metric_employees({}, { locale: 'en' })],
	['funding_raised', 'money', () => m.kpi_metric_funding_raised({}, { locale: 'id' }), () => m.kpi_metric_funding_raised({}, { locale: 'en' })],
	['products_shipped', 'count', () => m.kpi_metric_products_shipped({}, { locale: 'id' }), () => m.kpi_metric_products_shipped({}, { locale: 'en' })]
];

/** The standard monthly report: revenue, paying customers, active users, employees, funding raised, products shipped. */
export const standardMetrics = (): KpiMetric[] => standard.map(([key, type, id, en]) => ({ key, type, label: { id: id(), en: en() }, required: key !== 'funding_raised' }));

/** A programme's saved form, or the standard monthly one when it has none. */
const formView = (f: typeof kpiForm.$inferSelect | null | undefined): KpiFormView =>
	f ? { frequency: f.frequency, dueDay: f.dueDay, metrics: f.metrics, saved: true } : { frequency: 'monthly', dueDay: 10, metrics: standardMetrics(), saved: false };

async function formOf(programmeId: string): Promise<KpiFormView> {
	const [f] = await db().select().from(kpiForm).where(eq(kpiForm.programmeId, programmeId));
	return formView(f);
}

/** A programme's KPI report form (the park's staff). */
export async function getKpiForm(actor: Actor, programmeId: string): Promise<KpiFormView> {
	const { p } = await programmeRow(programmeId);
	await requireAccess(actor, Permission.ApplicationRead, { siteId: p.siteId });
	return formOf(programmeId);
}

/** Replace the form. Reports already in keep every value they were given, shown or not. */
export async function saveKpiForm(actor: Actor, programmeId: string, input: unknown): Promise<KpiFormView> {
	const { p } = await programmeRow(programmeId);
	await requireAccess(actor, Permission.ProgrammeManage, { siteId: p.siteId });
	const data = parse(zKpiForm, input);
	return db().transaction(async (tx) => {
		const before = await formOf(programmeId);
		await tx
			.insert(kpiForm)
			.values({ programmeId, ...data })
			.onConflictDoUpdate({ target: kpiForm.programmeId, set: { ...data, updatedAt: sql`now()` } });
		await audit(tx, actor, { action: 'kpi_form.save', siteId: p.siteId, targetType: 'programme', targetId: programmeId, before, after: data });
		return { ...data, saved: true };
	});
}

export interface KpiPeriod {
	period: string;
	dueOn: string;
	state: ReportState;
	values: Record<string, number | string> | null;
	submittedAt: string | null;
}

/** The local date a report came in, in the park's zone. */
const onDay = (at: Date, timeZone: string) => localParts(at, timeZone).date;

/** The periods a startup reports on so far (ended ones, from its start to the programme's end), newest first. */
function periodsFor(r: { startsOn: string; endsOn: string }, form: KpiFormView, today: string) {
	return endedPeriods(r.startsOn, r.endsOn, today, form.frequency).reverse();
}

/** A startup's KPI reports, period by period, with the form they answer (staff and the startup's people). */
export async function memberKpi(actor: Actor, memberId: string, now = new Date()): Promise<{ form: KpiFormView; periods: KpiPeriod[] }> {
	const r = await memberRow(memberId);
	await standing(actor, r);
	return kpiOf(r, now);
}

export async function kpiOf(r: MemberJoined, now = new Date()): Promise<{ form: KpiFormView; periods: KpiPeriod[] }> {
	const form = await formOf(r.p.id);
	const today = localParts(now, r.timeZone).date;
	const reports = await db().select().from(kpiReport).where(eq(kpiReport.memberId, r.m.id));
	const periods = periodsFor({ startsOn: r.m.startsOn, endsOn: r.p.endsOn }, form, today).map((period) => {
		const rep = reports.find((x) => x.period.slice(0, 7) === period);
		const due = dueOn(period, form.frequency, form.dueDay);
		return { period, dueOn: due, state: reportState(rep ? onDay(rep.submittedAt, r.timeZone) : null, due, today), values: rep?.values ?? null, submittedAt: rep?.submittedAt.toISOString() ?? null };
	});
	return { form, periods };
}

/** Check report values against the form: whole non-negative numbers for money and counts, every required metric given, nothing unknown. */
function checkValues(metrics: KpiMetric[], values: Record<string, number | string>): Record<string, number | string> {
	const errors: FieldError[] = [];
	const out: Record<string, number | string> = {};
	for (const k of Object.keys(values)) if (!metrics.some((x) => x.key === k)) errors.push({ field: `values.${k}`, key: 'err_field_unknown' });
	for (const x of metrics) {
		const raw = values[x.key];
		const blank = raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
		if (blank) {
			if (x.required) errors.push({ field: `values.${x.key}`, key: 'err_field_required' });
			continue;
		}
		if (x.type === 'text') {
			out[x.key] = String(raw).trim();
			continue;
		}
		const n = typeof raw === 'number' ? raw : Number(String(raw).replace(/[.\s]/g, '').replace(/^Rp/i, ''));
		if (!Number.isSafeInteger(n) || n < 0) errors.push({ field: `values.${x.key}`, key: x.type === 'money' ? 'err_kpi_money' : 'err_kpi_count' });
		else out[x.key] = n;
	}
	if (errors.length) throw new AppError('VALIDATION', 'err_validation', {}, errors);
	return out;
}

/**
 * The startup (or staff for it) sends, or corrects, the report of an ended period. The first
 * sending decides whether it came in on time.
 */
export async function submitKpiReport(actor: Actor, memberId: string, period: string, input: unknown, now = new Date()): Promise<KpiPeriod> {
	const r = await memberRow(memberId);
	await standing(actor, r, true);
	const form = await formOf(r.p.id);
	const today = localParts(now, r.timeZone).date;
	if (!isPeriod(period, form.frequency) || !periodsFor({ startsOn: r.m.startsOn, endsOn: r.p.endsOn }, form, today).includes(period))
		throw new AppError('VALIDATION', 'err_validation', {}, [{ field: 'period', key: 'err_kpi_period' }]);
	const values = checkValues(form.metrics, parse(zKpiReport, input).values);
	return db().transaction(async (tx) => {
		const by = actor.kind === 'user' ? actor.userId : null;
		const [rep] = await tx
			.insert(kpiReport)
			.values({ memberId, period: `${period}-01`, values, submittedAt: now, submittedBy: by })
			.onConflictDoUpdate({ target: [kpiReport.memberId, kpiReport.period], set: { values, submittedBy: by, updatedAt: sql`now()` } })
			.returning();
		await audit(tx, actor, { action: 'kpi_report.submit', siteId: r.p.siteId, targetType: 'cohort_member', targetId: memberId, after: { period, values } });
		const due = dueOn(period, form.frequency, form.dueDay);
		return { period, dueOn: due, state: reportState(onDay(rep!.submittedAt, r.timeZone), due, today), values: rep!.values, submittedAt: rep!.submittedAt.toISOString() };
	});
}

// ── The cohort's view ──────────────────────────────────────────────────────────────────────

export interface KpiDashboard {
	form: KpiFormView;
	/** Ended periods of the programme so far, oldest first. */
	periods: string[];
	/** Each startup's state per period (aligned with `periods`; null before it joined). */
	startups: { id: string; name: string; slug: string; states: (ReportState | null)[] }[];
	/** Per period: reports in (on time or late) and reports expected. */
	completion: { submitted: number; expected: number }[];
	/** Per numeric metric, the cohort's total per period. */
	totals: Record<string, number[]>;
}

/** A cohort's startups, and each report with its period and the park's local date it came in (for exports). */
const membersOf = (programmeId: string) =>
	db()
		.select({ id: cohortMember.id, name: organization.name, slug: organization.slug, startsOn: cohortMember.startsOn })
		.from(cohortMember)
		.innerJoin(organization, eq(organization.id, cohortMember.organizationId))
		.where(eq(cohortMember.programmeId, programmeId))
		.orderBy(asc(organization.name));

async function cohortReports(programmeId: string, timeZone: string) {
	const members = await membersOf(programmeId);
	const reports = members.length
		? await db()
				.select({
					memberId: kpiReport.memberId,
					period: sql<string>`to_char(${kpiReport.period}, 'YYYY-MM')`,
					// The local day in SQL: formatting thousands of instants with Intl costs more than the whole query.
					submittedOn: sql<string>`to_char(${kpiReport.submittedAt} AT TIME ZONE ${timeZone}, 'YYYY-MM-DD')`,
					submittedAt: kpiReport.submittedAt,
					values: kpiReport.values
				})
				.from(kpiReport)
				.innerJoin(cohortMember, eq(cohortMember.id, kpiReport.memberId))
				.where(eq(cohortMember.programmeId, programmeId))
		: [];
	return { members, reports };
}

/** Completion per period, every startup's state, and the cohort's totals (the park's staff). */
export async function kpiDashboard(actor: Actor, programmeId: string, now = new Date()): Promise<KpiDashboard> {
	const { p, timeZone } = await programmeRow(programmeId);
	await requireAccess(actor, Permission.ApplicationRead, { siteId: p.siteId });
	// Only what the dashboard needs, read flat and without the ORM's row mapping: for 100 startups
	// × 24 months that mapping, or building the rows as JSON in PostgreSQL, cost more than the query.
	const [form, members, { rows: reports }] = await Promise.all([
		formOf(programmeId),
		membersOf(programmeId),
		db().execute<{ member_id: string; period: string; day: string; values: Record<string, number | string> }>(sql`
			SELECT r.member_id, to_char(r.period, 'YYYY-MM') AS period, to_char(r.submitted_at AT TIME ZONE ${timeZone}, 'YYYY-MM-DD') AS day, r.values
			FROM ${kpiReport} r JOIN ${cohortMember} c ON c.id = r.member_id
			WHERE c.programme_id = ${programmeId}`)
	]);
	const today = localParts(now, timeZone).date;
	const periods = endedPeriods(p.startsOn, p.endsOn, today, form.frequency);
	const index = new Map(periods.map((x, i) => [x, i]));
	const numeric = form.metrics.filter((x) => x.type !== 'text').map((x) => x.key);
	const totals: Record<string, number[]> = Object.fromEntries(numeric.map((k) => [k, periods.map(() => 0)]));
	const submitted = new Map<string, string>();
	for (const r of reports) {
		submitted.set(`${r.member_id} ${r.period}`, r.day);
		const i = index.get(r.period);
		if (i === undefined) continue;
		for (const k of numeric) if (typeof r.values[k] === 'number') totals[k]![i]! += r.values[k] as number;
	}
	const completion = periods.map(() => ({ submitted: 0, expected: 0 }));
	const dues = periods.map((x) => dueOn(x, form.frequency, form.dueDay));
	const startups = members.map((mb) => {
		const first = periodOf(mb.startsOn, form.frequency);
		const states = periods.map((period, i): ReportState | null => {
			if (period < first) return null;
			const on = submitted.get(`${mb.id} ${period}`) ?? null;
			completion[i]!.expected++;
			if (on) completion[i]!.submitted++;
			return reportState(on, dues[i]!, today);
		});
		return { id: mb.id, name: mb.name, slug: mb.slug, states };
	});
	return { form, periods, startups, completion, totals };
}

export interface KpiRow {
	startup: string;
	period: string;
	state: ReportState;
	submittedAt: string;
	values: Record<string, number | string>;
}

/** Every report of the cohort, one row per startup and period, for CSV/XLSX; columns follow the form. */
export async function kpiExport(actor: Actor, programmeId: string, now = new Date()): Promise<{ items: KpiRow[]; columns: Column<KpiRow>[] }> {
	const { p, timeZone } = await programmeRow(programmeId);
	await requireAccess(actor, Permission.ApplicationRead, { siteId: p.siteId });
	const form = await formOf(programmeId);
	const today = localParts(now, timeZone).date;
	const { members, reports } = await cohortReports(programmeId, timeZone);
	const byKey = new Map(reports.map((r) => [`${r.memberId} ${r.period}`, r]));
	const items: KpiRow[] = [];
	for (const mb of members)
		for (const period of endedPeriods(mb.startsOn, p.endsOn, today, form.frequency)) {
			const rep = byKey.get(`${mb.id} ${period}`);
			const state = reportState(rep?.submittedOn ?? null, dueOn(period, form.frequency, form.dueDay), today);
			items.push({ startup: mb.name, period, state, submittedAt: rep?.submittedAt.toISOString() ?? '', values: rep?.values ?? {} });
		}
	const columns: Column<KpiRow>[] = [
		{ key: 'startup', header: 'startup', value: (r) => r.startup },
		{ key: 'period', header: 'period', value: (r) => r.period },
		{ key: 'state', header: 'state', value: (r) => r.state },
		{ key: 'submittedAt', header: 'submitted_at', value: (r) => r.submittedAt },
		...form.metrics.map((x) => ({ key: `m_${x.key}`, header: x.key, value: (r: KpiRow) => r.values[x.key] ?? '' }))
	];
	return { items, columns };
}

/**
 * Remind startups of KPI reports: three days before the due date and the day after it, once
 * each (recorded in reminder_sent, so two workers never send one twice). Run by the worker.
 */
export async function kpiReminders(now = new Date()): Promise<number> {
	const running = await db()
		.select({ m: cohortMember, p: programme, siteSlug: host.siteSlug, timeZone: host.timeZone, org: { id: organization.id, name: organization.name, slug: organization.slug }, f: kpiForm })
		.from(cohortMember)
		.innerJoin(programme, eq(programme.id, cohortMember.programmeId))
		.leftJoin(site, eq(site.id, programme.siteId))
		.innerJoin(organization, eq(organization.id, cohortMember.organizationId))
		.leftJoin(kpiForm, eq(kpiForm.programmeId, programme.id))
		// Running, or ended so recently that its last report is still to come.
		.where(and(sql`${programme.startsOn} <= (${now}::timestamptz AT TIME ZONE ${host.timeZone})::date`, sql`${programme.endsOn} >= (${now}::timestamptz AT TIME ZONE ${host.timeZone})::date - 120`));
	const already = running.length ? new Set((await db().select({ s: reminderSent.subjectId, k: reminderSent.key }).from(reminderSent).where(inArray(reminderSent.subjectId, running.map((r) => r.m.id)))).map((x) => `${x.s} ${x.k}`)) : new Set<string>();
	// Who owes which report and which reminder, worked out first; then one query for the reports
	// already in, so a round over a big cohort that has reported costs two queries, not one per startup.
	const owed = running.flatMap((r) => {
		const form = formView(r.f);
		const today = localParts(now, r.timeZone).date;
		const period = endedPeriods(r.m.startsOn, r.p.endsOn, today, form.frequency).at(-1);
		if (!period) return [];
		const due = dueOn(period, form.frequency, form.dueDay);
		const soon = new Date(`${due}T00:00:00Z`).getTime() - new Date(`${today}T00:00:00Z`).getTime() <= 3 * 86_400_000;
		const kind = today > due ? ('overdue' as const) : soon ? ('due' as const) : null;
		if (!kind || already.has(`${r.m.id} kpi:${period}:${kind}`)) return [];
		return [{ r, form, period, due, kind }];
	});
	if (!owed.length) return 0;
	const inAlready = new Set(
		(await db().select({ m: kpiReport.memberId, p: sql<string>`to_char(${kpiReport.period}, 'YYYY-MM')` }).from(kpiReport).where(and(inArray(kpiReport.memberId, owed.map((o) => o.r.m.id)), inArray(kpiReport.period, [...new Set(owed.map((o) => `${o.period}-01`))])))).map((x) => `${x.m} ${x.p}`)
	);
	let sent = 0;
	for (const { r, form, period, due, kind } of owed.filter((o) => !inAlready.has(`${o.r.m.id} ${o.period}`))) {
		sent += await db().transaction(async (tx) => {
			const [done] = await tx.select({ id: kpiReport.id }).from(kpiReport).where(and(eq(kpiReport.memberId, r.m.id), eq(kpiReport.period, `${period}-01`)));
			if (done) return 0;
			const [fresh] = await tx.insert(reminderSent).values({ subjectId: r.m.id, key: `kpi:${period}:${kind}` }).onConflictDoNothing().returning();
			if (!fresh) return 0;
			for (const to of await startupPeople(tx, r.org.id))
				await enqueue(tx, 'email', kpiMail(to.locale ?? 'id', kind, { to: to.email, name: to.name, startup: r.org.name, programme: r.p.name, period, frequency: form.frequency, due, link: planLink(r) }));
			return 1;
		});
	}
	return sent;
}
