import { and, eq, type SQL } from 'drizzle-orm';
import { db } from '../db/client.ts';
import { booking, personQualification, qualification, resource, blackout, holiday, loan, maintenance } from '../facilities/schema.ts';
import { addPlanMember, chargeBookings, createPlan } from '../facilities/plan.service.ts';
import { orgMember, organization, site } from '../directory/schema.ts';
import { user } from '../auth/schema.ts';
import { createResource } from '../facilities/resource.service.ts';
import { system } from '../auth/actor.ts';
import type { CreateResource } from '../../schemas/facilities.ts';
import { addDays, localParts, zonedInstant } from '../facilities/time.ts';
import { closedDays } from '../facilities/holidays.ts';

type R = Omit<CreateResource, 'tags' | 'location' | 'capacity' | 'description'> & Partial<Pick<CreateResource, 'tags' | 'location' | 'capacity' | 'description'>>;
const BANTUAN = 'Bantuan peralatan Kemenperin (Ditjen ILMATE) 2024';

/** Facilities of the seed parks (articles 000–004): halls, studios, render farm, motion capture, labs. */
const resources: Record<string, R[]> = {
	'coding-factory-singhasari': [
		{ slug: 'hall', name: 'Hall Coding Factory', kind: 'hall', capacity: 300, location: 'Lantai 1', description: 'Hall untuk acara, demo day, dan pertemuan komunitas.', approvalRequired: true },
		{ slug: 'ruang-rapat-a', name: 'Ruang Rapat A', kind: 'meeting_room', capacity: 12, location: 'Lantai 1' },
		{ slug: 'ruang-rapat-b', name: 'Ruang Rapat B', kind: 'meeting_room', capacity: 8, location: 'Lantai 1', description: 'Untuk rapat tenant dan sesi mentoring tatap muka.', bookableBy: 'tenants' },
		{ slug: 'communal-space', name: 'Communal Space', kind: 'coworking_desk', capacity: 40, location: 'Lantai 1', shared: true },
		{ slug: 'ruang-produksi-2', name: 'Ruang Produksi Lantai 2', kind: 'production_floor', capacity: 150, location: 'Lantai 2', shared: true, bookableBy: 'tenants' }
	],
	'animation-film-factory': [
		{ slug: 'ruang-review-mentor', name: 'Ruang Review Mentor', kind: 'meeting_room', capacity: 6, location: 'Blok A', description: 'Ruang menonton dan mengulas karya bersama mentor; dipesan oleh mentor dan staf kawasan.', bookableBy: 'roles', bookableRoles: ['mentor', 'site_staff'] },
		{ slug: 'studio-animasi-1', name: 'Studio Animasi 1', kind: 'studio_animation', capacity: 10, location: 'Blok A' },
		{ slug: 'studio-animasi-2', name: 'Studio Animasi 2', kind: 'studio_animation', capacity: 10, location: 'Blok A' },
		{ slug: 'studio-film-a', name: 'Studio Film A (green screen)', kind: 'studio_film', capacity: 15, location: 'Blok B' },
		{ slug: 'studio-suara', name: 'Studio Suara & Dubbing', kind: 'studio_sound', capacity: 4, location: 'Blok B' },
		{ slug: 'render-node-01', name: 'Render Node GPU 01', kind: 'render_node', creditsPerHour: 2, assetTag: 'AFF-RN-01', fundingSource: BANTUAN },
		{ slug: 'render-node-02', name: 'Render Node GPU 02', kind: 'render_node', creditsPerHour: 2, assetTag: 'AFF-RN-02', fundingSource: BANTUAN }
	],
	'bcic-bali': [
		{ slug: 'motion-capture', name: 'Panggung Motion Capture', kind: 'mocap_stage', capacity: 6, location: 'Gedung Produksi', assetTag: 'BCIC-MC-01', serialNumber: 'VCN-22-0417', fundingSource: BANTUAN, acquiredOn: '2024-03-12', condition: 'good' },
		{ slug: 'render-farm-01', name: 'Render Farm BCIC — node 01', kind: 'render_node', assetTag: 'BCIC-RF-01', fundingSource: BANTUAN },
		{ slug: 'studio-animasi', name: 'Studio Animasi BCIC', kind: 'studio_animation', capacity: 12 }
	],
	'pusat-desain-ponsel-batam': [
		{ slug: 'printer-3d-resin', name: 'Printer 3D Resin', kind: 'printer_3d', assetTag: 'PDP-3D-02', fundingSource: BANTUAN, condition: 'good' },
		{ slug: 'lab-desain', name: 'Lab Desain Ponsel', kind: 'meeting_room', capacity: 10 }
	],
	'cimahi-techno-park': [
		{ slug: 'aula', name: 'Aula Cimahi Techno Park', kind: 'hall', capacity: 120, location: 'Gedung Technopark, Lantai 1', approvalRequired: true },
		{ slug: 'ruang-rapat', name: 'Ruang Rapat Baros', kind: 'meeting_room', capacity: 10, location: 'Lantai 2' },
		{ slug: 'lab-toon-boom', name: 'Lab Pelatihan Toon Boom', kind: 'studio_animation', capacity: 20, location: 'Lantai 2', description: 'Lab Authorized Training Center untuk pelatihan Toon Boom Harmony.' },
		{ slug: 'kamera-fx3', name: 'Kamera Sony FX3', kind: 'camera', assetTag: 'CTP-KM-03', serialNumber: 'FX3-5531902', fundingSource: 'APBD Kota Cimahi 2025', acquiredOn: '2025-02-03', condition: 'good' },
		{ slug: 'vr-quest-3', name: 'Kit VR Meta Quest 3', kind: 'vr_kit', assetTag: 'CTP-VR-01', serialNumber: '2G0YC5ZF8N0417', fundingSource: BANTUAN, acquiredOn: '2024-06-18', condition: 'good', description: 'Headset VR dengan dua kontroler dan tas, untuk uji coba aplikasi imersif.' },
		{ slug: 'laptop-01', name: 'Laptop Pelatihan 01', kind: 'laptop', assetTag: 'CTP-LP-01', serialNumber: 'PF3KX21A', fundingSource: 'APBD Kota Cimahi 2025', acquiredOn: '2025-01-20', condition: 'good' },
		{ slug: 'laptop-02', name: 'Laptop Pelatihan 02', kind: 'laptop', assetTag: 'CTP-LP-02', serialNumber: 'PF3KX21B', fundingSource: 'APBD Kota Cimahi 2025', acquiredOn: '2025-01-20', condition: 'fair' }
	],
	'technopark-makassar': [{ slug: 'coworking', name: 'Coworking Losari', kind: 'coworking_desk', capacity: 30, shared: true }]
};

/** The next `n` open weekdays from `from` (local dates), skipping holidays. */
export async function workdays(siteId: string, from: string, n: number) {
	const closed = await closedDays(db(), siteId, from, addDays(from, 60));
	const out: string[] = [];
	for (let d = from; out.length < n; d = addDays(d, 1)) {
		const wd = localParts(zonedInstant(d, 720, 'Asia/Jakarta'), 'Asia/Jakarta').weekday;
		if (wd !== '6' && wd !== '7' && !closed.has(d)) out.push(d);
	}
	return out;
}

export async function seedFacilities(siteIds: Map<string, string>, siteZones: Map<string, string>) {
	const ids = new Map<string, { id: string; siteId: string; tz: string }>();
	for (const [siteSlug, list] of Object.entries(resources)) {
		const siteId = siteIds.get(siteSlug)!;
		for (const r of list) {
			const [existing] = await db().select({ id: resource.id }).from(resource).where(and(eq(resource.siteId, siteId), eq(resource.slug, r.slug)));
			const id = existing?.id ?? (await createResource(system, siteId, r)).id;
			ids.set(`${siteSlug}/${r.slug}`, { id, siteId, tz: siteZones.get(siteSlug)! });
		}
	}
	const bali = siteIds.get('bcic-bali')!;
	let [induction] = await db().select().from(qualification).where(and(eq(qualification.siteId, bali), eq(qualification.name, 'Induksi keselamatan motion capture')));
	if (!induction) {
		[induction] = await db().insert(qualification).values({ siteId: bali, name: 'Induksi keselamatan motion capture', description: 'Pelatihan keselamatan dan kalibrasi sebelum memakai panggung motion capture.' }).returning();
		await db().update(resource).set({ qualificationId: induction!.id }).where(eq(resource.id, ids.get('bcic-bali/motion-capture')!.id));
		const [mentor] = await db().select({ id: user.id }).from(user).where(eq(user.email, 'mentor@taman.demo'));
		if (mentor) await db().insert(personQualification).values({ userId: mentor.id, qualificationId: induction!.id });
	}

	// A few weeks of bookings, only on a first seed.
	const [any] = await db().select({ id: booking.id }).from(booking).limit(1);
	if (any) return;
	const people = Object.fromEntries((await db().select({ id: user.id, email: user.email }).from(user)).map((u) => [u.email, u.id]));
	const today = localParts(new Date(), 'Asia/Jakarta').date;
	const rows: (typeof booking.$inferInsert)[] = [];
	const add = async (key: string, who: string, day: string, from: number, to: number, title: string, status: 'confirmed' | 'pending' | 'checked_in' | 'released' = 'confirmed') => {
		const r = ids.get(key)!;
		const start = zonedInstant(day, from * 60, r.tz);
		const end = zonedInstant(day, to * 60, r.tz);
		rows.push({ resourceId: r.id, siteId: r.siteId, userId: people[who]!, title, startsAt: start, endsAt: end, held: `[${start.toISOString()},${end.toISOString()})`, exclusive: true, status });
	};
	const ctp = siteIds.get('cimahi-techno-park')!;
	const [d1, d2, d3, d4, d5, d6, d7, d8] = await workdays(ctp, addDays(today, 1), 8);
	for (const [i, d] of [d1, d3, d5, d7].entries()) await add('cimahi-techno-park/lab-toon-boom', 'staf.cimahi@taman.demo', d!, 9, 12, `Pelatihan Toon Boom Harmony — sesi ${i + 1}`);
	await add('cimahi-techno-park/ruang-rapat', 'anggota@taman.demo', d2!, 10, 11, 'Rapat tim Sekolahan.id');
	await add('cimahi-techno-park/ruang-rapat', 'manajer.cimahi@taman.demo', d2!, 13, 15, 'Koordinasi Penta Helix');
	await add('cimahi-techno-park/aula', 'anggota@taman.demo', d6!, 13, 16, 'Pitching startup ke investor', 'pending');
	await add('cimahi-techno-park/kamera-fx3', 'mentor@taman.demo', d4!, 9, 15, 'Syuting profil tenant');
	await add('coding-factory-singhasari/ruang-rapat-a', 'klien@taman.demo', d2!, 9, 10, 'Kick-off proyek klien Jepang');
	await add('coding-factory-singhasari/hall', 'admin@taman.demo', d8!, 9, 17, 'Demo day team incubation');
	await add('bcic-bali/motion-capture', 'mentor@taman.demo', d3!, 9, 12, 'Perekaman gerak karakter animasi');
	await add('animation-film-factory/studio-animasi-1', 'mentor@taman.demo', d1!, 10, 16, 'Produksi episode 4');
	// The fortnight just past, used and checked in (and one no-show), so occupancy has a history.
	const past = await workdays(ctp, addDays(today, -16), 10);
	for (const [i, d] of past.filter((d) => d < today).entries()) {
		await add('cimahi-techno-park/lab-toon-boom', 'staf.cimahi@taman.demo', d, 9, 16, `Pelatihan Toon Boom Harmony — angkatan lalu, hari ${i + 1}`, 'checked_in');
		await add('cimahi-techno-park/ruang-rapat', 'anggota@taman.demo', d, 10, 11, 'Stand-up mingguan Sekolahan.id', i === 3 ? 'released' : 'checked_in');
		await add('coding-factory-singhasari/ruang-rapat-a', 'klien@taman.demo', d, 13, 15, 'Review sprint dengan klien', 'checked_in');
		await add('animation-film-factory/render-node-01', 'mentor@taman.demo', d, 18, 23, 'Render malam episode 3', 'checked_in');
		if (i % 2 === 0) await add('bcic-bali/motion-capture', 'mentor@taman.demo', d, 9, 12, 'Sesi motion capture tari Legong', 'checked_in');
	}
	await db().insert(booking).values(rows);
	await seedLoans(ids, people);
	await seedPlans(siteIds);
	await db().insert(blackout).values({ siteId: ctp, resourceId: ids.get('cimahi-techno-park/aula')!.id, startsAt: zonedInstant(d5!, 0, 'Asia/Jakarta'), endsAt: zonedInstant(addDays(d5!, 1), 0, 'Asia/Jakarta'), reason: 'Perawatan tata suara' });
	// Cimahi's own day: the city's anniversary (Kota Cimahi was formed on 21 June 2001).
	await db().insert(holiday).values({ siteId: ctp, day: '2026-06-21', kind: 'regional', nameId: 'Hari Jadi Kota Cimahi', nameEn: 'Cimahi City Anniversary', source: 'Cimahi Techno Park' }).onConflictDoNothing();
}

/** The loan register of Cimahi Techno Park: one item overdue, one out, one returned, and maintenance. */
async function seedLoans(ids: Map<string, { id: string; siteId: string }>, people: Record<string, string>) {
	const day = 86_400_000;
	const ago = (days: number, hour = 9) => new Date(Math.floor(Date.now() / day) * day - days * day + (hour - 7) * 3600_000);
	const item = (slug: string) => ids.get(`cimahi-techno-park/${slug}`)!;
	const staff = people['staf.cimahi@taman.demo']!;
	const [sekolahan] = await db().select({ id: organization.id }).from(organization).innerJoin(orgMember, eq(orgMember.orgId, organization.id)).where(and(eq(organization.slug, 'sekolahan-id'), eq(orgMember.userId, people['anggota@taman.demo']!)));
	const base = { checkedOutBy: staff, conditionOut: 'good' as const };
	await db()
		.insert(loan)
		.values([
			{ ...base, resourceId: item('vr-quest-3').id, siteId: item('vr-quest-3').siteId, userId: people['anggota@taman.demo']!, orgId: sekolahan?.id ?? null, checkedOutAt: ago(6), dueAt: ago(2, 16), noteOut: 'Headset, 2 kontroler, kabel USB-C, tas', overdueNoticeAt: ago(1) },
			{ ...base, resourceId: item('laptop-01').id, siteId: item('laptop-01').siteId, userId: people['anggota@taman.demo']!, orgId: sekolahan?.id ?? null, checkedOutAt: ago(1), dueAt: ago(-5, 16), noteOut: 'Dengan charger' },
			{ ...base, resourceId: item('kamera-fx3').id, siteId: item('kamera-fx3').siteId, userId: people['mentor@taman.demo']!, checkedOutAt: ago(20), dueAt: ago(17, 16), returnedAt: ago(17, 15), returnedTo: staff, conditionIn: 'good', noteIn: 'Lengkap' },
			{ ...base, resourceId: item('laptop-02').id, siteId: item('laptop-02').siteId, userId: people['mentor@taman.demo']!, checkedOutAt: ago(30), dueAt: ago(28, 16), returnedAt: ago(26, 10), returnedTo: staff, conditionIn: 'fair', noteIn: 'Engsel layar longgar, dikembalikan terlambat' }
		]);
	const iso = (d: Date) => d.toISOString().slice(0, 10);
	await db()
		.insert(maintenance)
		.values([
			{ resourceId: item('vr-quest-3').id, siteId: item('vr-quest-3').siteId, performedOn: iso(ago(30)), kind: 'service', description: 'Ganti bantalan wajah dan pembaruan firmware', costIdr: 350000, performedBy: 'Staf TIK Cimahi Techno Park', recordedBy: staff },
			{ resourceId: item('laptop-02').id, siteId: item('laptop-02').siteId, performedOn: iso(ago(25)), kind: 'repair', description: 'Perbaikan engsel layar', costIdr: 1250000, performedBy: 'Servis resmi', conditionAfter: 'fair', recordedBy: staff },
			{ resourceId: item('kamera-fx3').id, siteId: item('kamera-fx3').siteId, performedOn: iso(ago(10)), kind: 'inspection', description: 'Pemeriksaan sensor dan baterai', costIdr: 0, performedBy: 'Staf TIK Cimahi Techno Park', recordedBy: staff }
		]);
}

/**
 * Incubation plans (the Kemenperin seed's facilities support): Sekolahan.id at Cimahi Techno Park
 * has used an hour of its meeting-room allowance; Kopi Kode is on the Coding Factory's; Arunika
 * Animasi pays its render nights at the Animation & Film Factory from a monthly credit allowance.
 */
async function seedPlans(siteIds: Map<string, string>) {
	const orgBySlug = async (slug: string) => (await db().select({ id: organization.id }).from(organization).where(eq(organization.slug, slug)))[0]?.id;
	const cimahi = await createPlan(system, siteIds.get('cimahi-techno-park')!, {
		name: 'Inkubasi Cimahi Tahap 1',
		description: 'Fasilitas untuk tenant inkubasi tahun pertama.',
		allowances: [
			{ name: 'Ruang rapat & aula', kinds: ['meeting_room', 'hall'], amount: 40 },
			{ name: 'Lab & studio', kinds: ['studio_animation', 'studio_film', 'studio_sound'], amount: 10 }
		]
	});
	const factory = await createPlan(system, siteIds.get('coding-factory-singhasari')!, {
		name: 'Inkubasi Tahap 1',
		description: 'Team incubation Coding Factory: 40 jam ruang dan 10 jam studio per bulan.',
		allowOverage: true,
		allowances: [
			{ name: 'Ruang', kinds: ['meeting_room', 'hall', 'coworking_desk'], amount: 40 },
			{ name: 'Studio', kinds: ['studio_animation', 'studio_film', 'studio_sound', 'studio_podcast'], amount: 10 }
		]
	});
	const studios = await createPlan(system, siteIds.get('animation-film-factory')!, {
		name: 'Produksi Animasi & Film',
		description: 'Untuk studio tenant: jam studio dan kredit render farm per bulan (render node 2 kredit/jam).',
		allowances: [
			{ name: 'Studio', kinds: ['studio_animation', 'studio_film', 'studio_sound'], amount: 20 },
			{ name: 'Render farm', kinds: ['render_node', 'gpu_workstation'], unit: 'credits', amount: 120 }
		]
	});
	const [sekolahan, kopiKode, arunika, layar] = await Promise.all(['sekolahan-id', 'kopi-kode', 'arunika-animasi', 'layar-singhasari'].map(orgBySlug));
	if (kopiKode) await addPlanMember(system, factory.id, { organizationId: kopiKode, startsOn: '2026-01-05' });
	for (const o of [arunika, layar]) if (o) await addPlanMember(system, studios.id, { organizationId: o, startsOn: '2026-01-05' });
	if (sekolahan) await addPlanMember(system, cimahi.id, { organizationId: sekolahan, startsOn: '2026-01-05' });
	// Bookings made for an organisation come off its allowance through the booking service's own
	// charging: the team meeting takes an hour of Sekolahan.id's rooms, each render night 10 of
	// Arunika's credits.
	if (sekolahan) await chargeFor(sekolahan, eq(booking.title, 'Rapat tim Sekolahan.id'));
	if (arunika) await chargeFor(arunika, eq(booking.title, 'Render malam episode 3'));
}

async function chargeFor(orgId: string, which: SQL) {
	const rows = await db().update(booking).set({ orgId }).where(which).returning();
	if (!rows.length) return;
	const [r] = await db().select().from(resource).where(eq(resource.id, rows[0]!.resourceId));
	const [s] = await db().select({ timeZone: site.timeZone }).from(site).where(eq(site.id, r!.siteId));
	await db().transaction((tx) => chargeBookings(tx, r!, rows, orgId, s!.timeZone, rows[0]!.userId));
}
