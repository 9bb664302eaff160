import { eq } from 'drizzle-orm';
import { db } from '../db/client.ts';
import { organization } from '../directory/schema.ts';
import { system } from '../auth/actor.ts';
import { addEvidence, addMember, getMember, saveMilestoneTemplate, signOffMilestone, submitMilestone } from '../incubation/cohort.service.ts';
import { submitKpiReport } from '../incubation/kpi.service.ts';
import { addDays, zonedInstant } from '../facilities/time.ts';
import { dueOn, endedPeriods } from '../../kpi.ts';
import { loadActorByEmail } from '../auth/load-actor.ts';

/** The Coding Factory's running team incubation: six teams, how far each has come, and what each reported. */
const teams: { slug: string; done: number; waiting: boolean; revenue: number; growth: number; customers: number; users: number; employees: number; late?: boolean; silent?: boolean }[] = [
	{ slug: 'kopi-kode', done: 2, waiting: true, revenue: 42_000_000, growth: 1.12, customers: 4, users: 0, employees: 7 },
	{ slug: 'brawijaya-ai-lab', done: 1, waiting: true, revenue: 8_500_000, growth: 1.3, customers: 2, users: 140, employees: 5 },
	{ slug: 'arek-cloud', done: 2, waiting: false, revenue: 27_000_000, growth: 1.08, customers: 11, users: 0, employees: 4, late: true },
	{ slug: 'kawi-games', done: 1, waiting: false, revenue: 3_200_000, growth: 1.45, customers: 0, users: 5_800, employees: 6 },
	{ slug: 'tumpang-agritech', done: 0, waiting: true, revenue: 1_500_000, growth: 1.6, customers: 9, users: 320, employees: 3, silent: true },
	{ slug: 'singosari-data', done: 1, waiting: false, revenue: 0, growth: 1, customers: 0, users: 0, employees: 3 }
];

const template = [
	{ title: 'Validasi masalah', description: 'Wawancara minimal 20 calon pengguna atau klien; ringkasan temuan.', dueAfterDays: 30 },
	{ title: 'MVP dipakai pengguna nyata', description: 'Produk minimum berjalan di tangan pengguna; tautan demo atau rekaman.', dueAfterDays: 90 },
	{ title: 'Pelanggan berbayar pertama', description: 'Faktur atau kontrak pertama (nama klien boleh disamarkan).', dueAfterDays: 150 },
	{ title: 'Siap pendanaan', description: 'Dek investor dan model keuangan; tampil di demo day Coding Factory.', dueAfterDays: 300 }
];

/**
 * Milestones signed off, waiting or overdue, and monthly KPI reports for every ended month but
 * the last (which some teams have sent and some not yet), all dated as if sent at the time.
 */
export async function seedCohort(programmeId: string, startsOn: string, endsOn: string) {
	const staff = (await loadActorByEmail('staf.singhasari@taman.demo')) ?? system;
	const now = new Date();
	const past = (at: Date, hoursAgo: number) => (at.getTime() < now.getTime() - hoursAgo * 3_600_000 ? at : new Date(now.getTime() - hoursAgo * 3_600_000));
	await saveMilestoneTemplate(system, programmeId, { steps: template });
	for (const [i, t] of teams.entries()) {
		const [org] = await db().select({ id: organization.id }).from(organization).where(eq(organization.slug, t.slug));
		const { id } = await addMember(system, programmeId, { organizationId: org!.id, startsOn });
		const plan = await getMember(system, id);
		for (const [n, ms] of plan.milestones.entries()) {
			if (n > t.done || (n === t.done && !t.waiting)) break;
			// Sent a few days before the due date, or this morning at the latest; signed off two days later, or now.
			const at = past(zonedInstant(addDays(ms.dueOn, -3 - i), 10 * 60, 'Asia/Jakarta'), 20);
			await addEvidence(system, ms.id, { name: n === 0 ? 'Ringkasan wawancara pengguna' : n === 1 ? 'Video demo MVP' : 'Kontrak klien pertama', url: `https://drive.example.id/${t.slug}/tonggak-${n + 1}` });
			await submitMilestone(system, ms.id, { note: n === 0 ? 'Wawancara dengan pengguna di Malang Raya selesai.' : 'Bukti terlampir.' }, at);
			if (n < t.done) await signOffMilestone(staff, ms.id, { decision: 'approved', comment: 'Bagus, lanjutkan.' }, past(new Date(at.getTime() + 2 * 86_400_000), 1));
		}
		const months = endedPeriods(startsOn, endsOn, now.toISOString().slice(0, 10), 'monthly');
		for (const [k, period] of months.entries()) {
			const last = k === months.length - 1;
			if (t.silent && k >= 2) break;
			if (last && i % 2 === 1) continue;
			const due = dueOn(period, 'monthly', 10);
			const planned = zonedInstant(addDays(due, t.late && k === 1 ? 4 : -(2 + (i % 5))), 9 * 60 + i * 17, 'Asia/Jakarta');
			const sent = past(planned, 1);
			const f = t.growth ** k;
			await submitKpiReport(system, id, period, { values: { revenue: Math.round((t.revenue * f) / 1000) * 1000, paying_customers: Math.round(t.customers * f), active_users: Math.round(t.users * f), employees: t.employees + Math.floor(k / 2), funding_raised: t.slug === 'kawi-games' && k === 2 ? 250_000_000 : 0, products_shipped: k % 2 } }, sent);
		}
	}
}
