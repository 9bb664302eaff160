import { eq } from 'drizzle-orm';
import { db } from '../db/client.ts';
import { plan } from '../facilities/schema.ts';
import { programme } from '../incubation/schema.ts';
import { system } from '../auth/actor.ts';
import { createCall, createProgramme } from '../incubation/programme.service.ts';
import { decisionTexts, saveDecisionTexts } from '../incubation/review.service.ts';
import { addDays, localParts, zonedInstant } from '../facilities/time.ts';
import { seedApplications, seedReview } from './applications.ts';
import { seedCohort } from './cohort.ts';
import { seedMentoring } from './mentoring.ts';
import { NETWORK } from '../../network.ts';

/**
 * Programmes from the seeds: Cimahi Techno Park's incubation (its call open now), the Coding
 * Factory's team incubation (running for four months, with its cohort's milestones and KPI reports) and internship for cloud and AI
 * (its call opening soon), and the network's own national acceleration (its call open). Dates are relative to today so the demo always has an open call,
 * with thirty applications to Cimahi's.
 */
export async function seedIncubation(siteIds: Map<string, string>) {
	// Loaded once: `seed --demo` again leaves the programmes, applications and cohorts as they are.
	if ((await db().select({ id: programme.id }).from(programme).limit(1)).length) return;
	const today = localParts(new Date(), 'Asia/Jakarta').date;
	const at = (days: number, minutes: number) => zonedInstant(addDays(today, days), minutes, 'Asia/Jakarta').toISOString();
	const planId = async (siteSlug: string, name: string) => (await db().select({ id: plan.id, siteId: plan.siteId }).from(plan).where(eq(plan.name, name))).find((p) => p.siteId === siteIds.get(siteSlug))?.id ?? null;
	const year = Number(today.slice(0, 4));

	const cimahi = await createProgramme(system, siteIds.get('cimahi-techno-park')!, {
		slug: `inkubasi-startup-digital-${year + 1}`,
		name: `Inkubasi Startup Digital Cimahi ${year + 1}`,
		kind: 'incubation',
		description: 'Inkubasi enam bulan bagi startup animasi, game dan telematika di Cimahi Techno Park: pendampingan mentor, pelatihan sertifikasi, dan kesempatan pitching di hadapan industri dan investor.',
		eligibility: 'Startup digital berbadan usaha atau tim yang bersiap berbadan usaha, berdomisili di Jawa Barat, dengan produk minimal tahap prototipe.',
		benefits: 'Ruang kerja dan laboratorium Toon Boom, mentor dari industri, pelatihan sertifikasi (Authorized Training Center), akses ke jejaring Penta Helix Kota Cimahi.',
		startsOn: `${year + 1}-02-01`,
		endsOn: `${year + 1}-07-31`,
		capacity: 10,
		planId: await planId('cimahi-techno-park', 'Inkubasi Cimahi Tahap 1')
	});
	const cimahiCall = await createCall(system, cimahi.id, { title: 'Gelombang 1', description: 'Pendaftaran daring; seleksi administrasi, penilaian proposal, lalu wawancara dan pitching.', opensAt: at(-14, 8 * 60), closesAt: at(38, 23 * 60 + 59) });
	// Cimahi words its own acceptance e-mail (the other decisions keep the built-in text).
	const texts = await decisionTexts(system, cimahiCall.id);
	const plain = (k: keyof typeof texts) => ({ id: { subject: texts[k].id.subject, body: texts[k].id.body }, en: { subject: texts[k].en.subject, body: texts[k].en.body } });
	await saveDecisionTexts(system, cimahiCall.id, {
		advanced: plain('advanced'),
		rejected: plain('rejected'),
		accepted: {
			id: { subject: 'Selamat! {startup} diterima di {programme}', body: 'Halo {name},\n\nSelamat, {startup} terpilih sebagai tenant {programme} di {site}. Orientasi tenant diadakan pada pekan pertama program di Gedung Technopark, Jl. Baros, Cimahi; jadwal lengkapnya kami kirim terpisah.\n\nMohon siapkan profil perusahaan dan daftar anggota tim untuk pendataan tenant.\n\nSalam,\nTim Cimahi Techno Park' },
			en: { subject: 'Congratulations! {startup} has been accepted to {programme}', body: 'Hello {name},\n\nCongratulations: {startup} has been selected as a tenant of {programme} at {site}. Tenant orientation takes place in the programme\'s first week at the Technopark building, Jl. Baros, Cimahi; we will send the full schedule separately.\n\nPlease prepare your company profile and the list of your team members for the tenant register.\n\nRegards,\nThe Cimahi Techno Park team' }
		}
	});

	// The team incubation began four months ago, on the 5th, and runs for a year less a fortnight.
	const [y, mo] = today.split('-').map(Number) as [number, number];
	const factoryStart = new Date(Date.UTC(y, mo - 1 - 4, 5)).toISOString().slice(0, 10);
	const factoryEnd = addDays(factoryStart, 347);
	const factoryYear = Number(factoryStart.slice(0, 4));
	const factory = await createProgramme(system, siteIds.get('coding-factory-singhasari')!, {
		slug: `team-incubation-${factoryYear}`,
		name: `Team Incubation Coding Factory ${factoryYear}`,
		kind: 'incubation',
		description: 'Inkubasi tim pengembang di lantai produksi Coding Factory KEK Singhasari, mengerjakan proyek nyata untuk klien BUMN, dinas dan mancanegara.',
		eligibility: 'Tim 3–8 pengembang perangkat lunak dengan minimal satu produk atau proyek yang berjalan.',
		benefits: 'Meja di lantai produksi, ruang rapat dan hall, pendampingan bisnis, dan akses ke klien Coding Factory.',
		startsOn: factoryStart,
		endsOn: factoryEnd,
		capacity: 12,
		mentoringHours: 12,
		planId: await planId('coding-factory-singhasari', 'Inkubasi Tahap 1')
	});
	await createCall(system, factory.id, { title: `Angkatan ${factoryYear}`, opensAt: zonedInstant(addDays(factoryStart, -75), 8 * 60, 'Asia/Jakarta').toISOString(), closesAt: zonedInstant(addDays(factoryStart, -30), 23 * 60 + 59, 'Asia/Jakarta').toISOString() });

	const interns = await createProgramme(system, siteIds.get('coding-factory-singhasari')!, {
		slug: `magang-cloud-ai-${year + 1}`,
		name: `Magang Cloud Computing & AI ${year + 1}`,
		kind: 'internship',
		description: 'Program magang (internship) dan talent development untuk mahasiswa: cloud computing, AI, dan pengembangan perangkat lunak bersama tim Coding Factory.',
		eligibility: 'Mahasiswa D3/S1 semester 5 ke atas bidang informatika atau sejenis.',
		startsOn: `${year + 1}-03-01`,
		endsOn: `${year + 1}-08-31`,
		capacity: 30
	});
	await createCall(system, interns.id, { title: 'Pendaftaran magang', opensAt: at(20, 8 * 60), closesAt: at(50, 23 * 60 + 59) });

	// The network's own: Kemenperin's Virtual Technopark acceleration, open to startups from every park (seed 002).
	const national = await createProgramme(system, NETWORK.slug, {
		slug: `akselerasi-virtual-technopark-${year + 1}`,
		name: `Akselerasi Startup Industri 4.0 Virtual Technopark ${year + 1}`,
		kind: 'acceleration',
		description: 'Program akselerasi nasional Kementerian Perindustrian (Ditjen ILMATE) bersama mitra Virtual Technopark — ASIOTI, ITS, Indosat Ooredoo dan Polytron — bagi startup yang membawa solusi IoT, AI dan otomasi ke industri unggulan.',
		eligibility: 'Startup digital berbadan usaha dari seluruh Indonesia dengan produk yang sudah dipakai minimal satu pelanggan industri. Boleh sedang atau pernah menjadi tenant kawasan mana pun di jaringan.',
		benefits: 'Pendampingan oleh mentor dari kawasan-kawasan jaringan, uji coba produk bersama mitra industri, dan demo day nasional di Jakarta.',
		startsOn: `${year + 1}-04-01`,
		endsOn: `${year + 1}-09-30`,
		capacity: 20,
		mentoringHours: 8
	});
	await createCall(system, national.id, { title: 'Batch 1', description: 'Pendaftaran nasional; penilaian proposal oleh penilai dari kawasan-kawasan jaringan, lalu pitching daring.', opensAt: at(-7, 8 * 60), closesAt: at(45, 23 * 60 + 59) });

	await seedApplications(cimahiCall.id, new Date(at(-13, 9 * 60)));
	await seedReview(cimahiCall.id, siteIds.get('cimahi-techno-park')!);
	await seedCohort(factory.id, factoryStart, factoryEnd);
	await seedMentoring(siteIds.get('coding-factory-singhasari')!, factory.id);
}
