import { describe, it, expect, beforeAll } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestDb } from './db.ts';
import { makeSite, makeUser, makeMembers, refusal, mailsTo, countRows } from './factories.ts';
import { createProgramme } from '../src/lib/server/incubation/programme.service.ts';
import { addEvidence, addMember, addMilestone, getEvidence, getMember, listCohort, milestoneReminders, myCohorts, saveMilestoneTemplate, signOffMilestone, submitMilestone, memberIdBySlugs } from '../src/lib/server/incubation/cohort.service.ts';
import { kpiDashboard, kpiExport, kpiReminders, memberKpi, saveKpiForm, submitKpiReport } from '../src/lib/server/incubation/kpi.service.ts';
import { createOrg } from '../src/lib/server/directory/org.service.ts';
import { tenancy } from '../src/lib/server/directory/schema.ts';
import { milestoneEvidence } from '../src/lib/server/incubation/schema.ts';
import { db } from '../src/lib/server/db/client.ts';
import { dueOn, endedPeriods, periodOf } from '../src/lib/kpi.ts';
import type { UserActor } from '../src/lib/server/auth/actor.ts';

useTestDb();

const png = { name: 'mvp.png', data: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]) };
const html = { name: 'bukti.pdf', data: new Uint8Array(Buffer.from('<html><script>alert(1)</script></html>')) };
/** 23 November 2026, 10.00 WIB. */
const NOW = new Date('2026-11-23T03:00:00Z');

describe('KPI periods', () => {
	it('names periods by their first month and dates reports in the month after', () => {
		expect(periodOf('2026-11-23', 'monthly')).toBe('2026-11');
		expect(periodOf('2026-11-23', 'quarterly')).toBe('2026-10');
		expect(dueOn('2026-12', 'monthly', 10)).toBe('2027-01-10');
		expect(dueOn('2026-10', 'quarterly', 15)).toBe('2027-01-15');
		// Only ended periods are reported: on 23 November, October is the last.
		expect(endedPeriods('2026-08-15', '2027-01-31', '2026-11-23', 'monthly')).toEqual(['2026-08', '2026-09', '2026-10']);
		expect(endedPeriods('2026-08-15', '2027-01-31', '2026-11-23', 'quarterly')).toEqual(['2026-07']);
	});
});

describe('cohort life', () => {
	let park: { id: string; slug: string };
	let staff: UserActor, founder: UserActor, outsider: UserActor, otherStaff: UserActor;
	let programmeId: string;
	let memberId: string;
	let orgId: string;

	beforeAll(async () => {
		park = await makeSite({ name: 'KEK Singhasari' });
		const elsewhere = await makeSite({ name: 'Technopark Makassar' });
		staff = await makeUser('site_staff', park.id);
		otherStaff = await makeUser('site_staff', elsewhere.id);
		[founder, outsider] = (await makeMembers(2, null)) as [UserActor, UserActor];
		const p = await createProgramme(staff, park.slug, { slug: 'inkubasi-tim', name: 'Inkubasi Tim Coding Factory', kind: 'incubation', startsOn: '2026-08-01', endsOn: '2027-01-31' });
		programmeId = p.id;
		await saveMilestoneTemplate(staff, programmeId, {
			steps: [
				{ title: 'Validasi masalah', description: 'Wawancara 20 calon pengguna', dueAfterDays: 30 },
				{ title: 'MVP', dueAfterDays: 90 },
				{ title: 'Pelanggan berbayar pertama', dueAfterDays: 150 }
			]
		});
		const org = await createOrg(founder, { name: 'Gamelan Labs', slug: 'gamelan-labs', kind: 'startup' });
		orgId = org.id;
	});

	it('adds a startup to the cohort: a tenant for the run, with milestones from the template', async () => {
		memberId = (await addMember(staff, programmeId, { organizationId: orgId, startsOn: '2026-08-15' })).id;
		expect(await memberIdBySlugs(programmeId, 'gamelan-labs')).toBe(memberId);
		const plan = await getMember(founder, memberId, NOW);
		expect(plan.standing).toBe('startup');
		expect(plan.milestones.map((x) => [x.title, x.dueOn, x.overdue])).toEqual([
			['Validasi masalah', '2026-09-14', true],
			['MVP', '2026-11-13', true],
			['Pelanggan berbayar pertama', '2027-01-12', false]
		]);
		const [t] = await db().select().from(tenancy).where(eq(tenancy.orgId, orgId));
		expect([t?.startsOn, t?.endsOn]).toEqual(['2026-08-15', '2027-01-31']);
		expect((await refusal(addMember(staff, programmeId, { organizationId: orgId }))).key).toBe('err_cohort_member_exists');
		expect((await refusal(addMember(staff, programmeId, { organizationId: orgId, startsOn: '2027-03-01' }))).fields?.[0]?.key).toBe('err_cohort_start_outside');
		expect((await myCohorts(founder)).map((c) => c.programmeName)).toEqual(['Inkubasi Tim Coding Factory']);
		const [entry] = await listCohort(staff, programmeId, NOW);
		expect(entry?.milestones).toEqual({ total: 3, approved: 0, submitted: 0, overdue: 2 });
	});

	it('keeps a startup\'s plan from everyone but its people and the park\'s staff', async () => {
		for (const who of [outsider, otherStaff]) expect((await refusal(getMember(who, memberId))).code).toBe('NOT_FOUND');
		expect((await refusal(listCohort(founder, programmeId))).code).toBe('FORBIDDEN');
		expect((await refusal(addMilestone(founder, memberId, { title: 'Sendiri', dueOn: '2026-12-01' }))).code).toBe('FORBIDDEN');
		const ms = (await getMember(founder, memberId, NOW)).milestones[0]!;
		expect((await refusal(addEvidence(outsider, ms.id, { name: 'x', url: 'https://example.com' }))).code).toBe('NOT_FOUND');
		expect((await refusal(submitKpiReport(outsider, memberId, '2026-10', { values: {} }, NOW))).code).toBe('NOT_FOUND');
	});

	it('takes evidence, asks for sign-off, and staff sign off or send it back with a comment', async () => {
		const ms = (await getMember(founder, memberId, NOW)).milestones[0]!;
		// Sign-off needs evidence; a renamed HTML page is not evidence.
		expect((await refusal(submitMilestone(founder, ms.id, {}, NOW))).key).toBe('err_evidence_required');
		const before = await countRows(milestoneEvidence);
		expect((await refusal(addEvidence(founder, ms.id, { file: html }))).fields?.[0]?.key).toBe('err_evidence_type');
		expect(await countRows(milestoneEvidence)).toBe(before);
		const { id: fileId } = await addEvidence(founder, ms.id, { file: png });
		await addEvidence(founder, ms.id, { name: 'Rekaman wawancara', url: 'https://drive.example.id/wawancara' });
		expect((await getEvidence(staff, ms.id, fileId)).mime).toBe('image/png');
		expect((await refusal(getEvidence(outsider, ms.id, fileId))).code).toBe('NOT_FOUND');

		await submitMilestone(founder, ms.id, { note: '20 wawancara selesai' }, NOW);
		expect((await refusal(submitMilestone(founder, ms.id, {}, NOW))).key).toBe('err_milestone_submitted');
		expect((await refusal(signOffMilestone(founder, ms.id, { decision: 'approved' }))).code).toBe('FORBIDDEN');
		expect((await refusal(signOffMilestone(staff, ms.id, { decision: 'changes_requested' }))).fields?.[0]?.key).toBe('err_comment_required');
		await signOffMilestone(staff, ms.id, { decision: 'changes_requested', comment: 'Lampirkan ringkasan temuan.' }, NOW);
		const [asked] = await mailsTo(founder.email);
		expect(asked?.subject).toBe('Perlu perbaikan: Validasi masalah');
		expect(asked?.text).toContain('Lampirkan ringkasan temuan.');
		expect(asked?.text).toContain('/sites/');

		await submitMilestone(founder, ms.id, { note: 'Ringkasan terlampir' }, NOW);
		await signOffMilestone(staff, ms.id, { decision: 'approved', comment: '' }, NOW);
		const after = (await getMember(founder, memberId, NOW)).milestones[0]!;
		expect([after.status, after.overdue, after.evidence.length]).toEqual(['approved', false, 2]);
		expect((await refusal(addEvidence(founder, ms.id, { name: 'Lagi', url: 'https://example.com' }))).key).toBe('err_milestone_signed_off');
	});

	it('reminds a startup of an overdue milestone once a week', async () => {
		const count = async () => (await mailsTo(founder.email)).filter((x) => x.subject.startsWith('Tonggak capaian lewat tenggat')).length;
		expect(await milestoneReminders(NOW)).toBe(1); // MVP; the first is signed off, the third not yet due
		expect(await count()).toBe(1);
		expect(await milestoneReminders(new Date(NOW.getTime() + 86_400_000))).toBe(0);
		expect(await milestoneReminders(new Date(NOW.getTime() + 8 * 86_400_000))).toBe(1);
		expect(await count()).toBe(2);
	});

	it('checks KPI reports against the form and counts completion per period', async () => {
		// The standard monthly form until staff change it.
		const { form, periods } = await memberKpi(founder, memberId, NOW);
		expect(form.saved).toBe(false);
		expect(form.metrics.map((x) => x.key)).toEqual(['revenue', 'paying_customers', 'active_users', 'employees', 'funding_raised', 'products_shipped']);
		// On 5 November October's report is not yet due (10 November); on the 23rd it is missing.
		expect((await memberKpi(founder, memberId, new Date('2026-11-05T03:00:00Z'))).periods.map((x) => [x.period, x.state])).toEqual([
			['2026-10', 'due'],
			['2026-09', 'missing'],
			['2026-08', 'missing']
		]);
		expect(periods.map((x) => x.state)).toEqual(['missing', 'missing', 'missing']);
		const bad = await refusal(submitKpiReport(founder, memberId, '2026-10', { values: { revenue: 1.5, paying_customers: -2, mood: 'baik' } }, NOW));
		expect(bad.fields?.map((f) => `${f.field} ${f.key}`).sort()).toEqual(['values.active_users err_field_required', 'values.employees err_field_required', 'values.mood err_field_unknown', 'values.paying_customers err_kpi_count', 'values.products_shipped err_field_required', 'values.revenue err_kpi_money']);
		expect((await refusal(submitKpiReport(founder, memberId, '2026-11', { values: {} }, NOW))).fields?.[0]?.key).toBe('err_kpi_period');
		const v = (revenue: number) => ({ values: { revenue, paying_customers: 12, active_users: 340, employees: 5, products_shipped: 1 } });
		expect((await submitKpiReport(founder, memberId, '2026-10', v(15_000_000), new Date('2026-11-05T03:00:00Z'))).state).toBe('submitted');
		expect((await submitKpiReport(staff, memberId, '2026-09', { values: { ...v(9_500_000).values, revenue: 'Rp9.500.000' } }, NOW)).state).toBe('late');

		const other = await createOrg(outsider, { name: 'Wayang Digital', slug: 'wayang-digital', kind: 'startup' });
		await addMember(staff, programmeId, { organizationId: other.id, startsOn: '2026-10-01' });
		const dash = await kpiDashboard(staff, programmeId, NOW);
		expect(dash.periods).toEqual(['2026-08', '2026-09', '2026-10']);
		expect(dash.startups.map((s) => [s.name, s.states])).toEqual([
			['Gamelan Labs', ['missing', 'late', 'submitted']],
			['Wayang Digital', [null, null, 'missing']]
		]);
		expect(dash.completion).toEqual([
			{ submitted: 0, expected: 1 },
			{ submitted: 1, expected: 1 },
			{ submitted: 1, expected: 2 }
		]);
		expect(dash.totals.revenue).toEqual([0, 9_500_000, 15_000_000]);
		const { items } = await kpiExport(staff, programmeId, NOW);
		expect(items.map((r) => `${r.startup} ${r.period} ${r.state} ${r.values.revenue ?? ''}`)).toEqual([
			'Gamelan Labs 2026-08 missing ',
			'Gamelan Labs 2026-09 late 9500000',
			'Gamelan Labs 2026-10 submitted 15000000',
			'Wayang Digital 2026-10 missing '
		]);
		expect((await refusal(kpiDashboard(founder, programmeId, NOW))).code).toBe('FORBIDDEN');
	});

	it('a custom quarterly form changes the periods but keeps what was reported', async () => {
		expect((await refusal(saveKpiForm(staff, programmeId, { metrics: [{ key: 'revenue', label: { id: 'A', en: 'A' }, type: 'money' }, { key: 'revenue', label: { id: 'B', en: 'B' }, type: 'count' }] }))).fields?.[0]?.key).toBe('err_form_key_taken');
		await saveKpiForm(staff, programmeId, { frequency: 'quarterly', dueDay: 15, metrics: [{ key: 'revenue', label: { id: 'Pendapatan', en: 'Revenue' }, type: 'money', required: true }, { key: 'hki', label: { id: 'HKI didaftarkan', en: 'IP filed' }, type: 'text' }] });
		const { periods } = await memberKpi(staff, memberId, NOW);
		expect(periods.map((x) => [x.period, x.dueOn, x.state])).toEqual([['2026-07', '2026-10-15', 'missing']]);
		expect((await refusal(submitKpiReport(founder, memberId, '2026-08', { values: { revenue: 1 } }, NOW))).fields?.[0]?.key).toBe('err_kpi_period');
	});

	it('reminds of a KPI report three days before it is due and after, once each', async () => {
		await saveKpiForm(staff, programmeId, { metrics: [{ key: 'revenue', label: { id: 'Pendapatan', en: 'Revenue' }, type: 'money', required: true }] });
		const kpiMails = async () => (await mailsTo(founder.email)).filter((x) => x.subject.startsWith('Laporan KPI')).map((x) => x.subject);
		// November's report is due on 10 December; Gamelan Labs has not sent it.
		expect(await kpiReminders(new Date('2026-12-05T03:00:00Z'))).toBe(0);
		expect(await kpiReminders(new Date('2026-12-07T03:00:00Z'))).toBeGreaterThanOrEqual(1);
		expect(await kpiReminders(new Date('2026-12-08T03:00:00Z'))).toBe(0);
		expect(await kpiMails()).toEqual(['Laporan KPI November 2026 jatuh tempo 10 Desember 2026']);
		await submitKpiReport(founder, memberId, '2026-11', { values: { revenue: 18_000_000 } }, new Date('2026-12-09T03:00:00Z'));
		await kpiReminders(new Date('2026-12-11T03:00:00Z'));
		expect(await kpiMails()).toHaveLength(1);
	});
});
