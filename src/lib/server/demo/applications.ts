import { eq } from 'drizzle-orm';
import { db } from '../db/client.ts';
import { user } from '../auth/schema.ts';
import { organization, orgMember, siteRole } from '../directory/schema.ts';
import { loadActor, loadActorByEmail } from '../auth/load-actor.ts';
import { system } from '../auth/actor.ts';
import * as review from '../incubation/review.service.ts';
import { application, applicationFile, applicationForm, reviewStage } from '../incubation/schema.ts';
import { checkAnswers } from '../../schemas/forms.ts';
import { starterForm } from '../../forms.ts';
import { checkRegion } from '../directory/regions.ts';
import { slugify } from '../directory/common.ts';
import { sha256 } from '../platform/files.ts';

type Stage = 'idea' | 'prototype' | 'mvp' | 'revenue';
type Subsector = (typeof application.$inferInsert)['subsector'];

/** Invented startups from West Java applying to Cimahi Techno Park (names end in no real company). */
const startups: [name: string, founder: string, summary: string, stage: Stage, kbli: string, subsector: Subsector, regency: string, revenue?: number][] = [
	['Kasir Kita', 'Rina Kartika', 'Aplikasi kasir dan stok untuk warung serta UMKM kuliner, bisa luring.', 'revenue', '62019', 'app', '32.77', 180_000_000],
	['Wayang Motion', 'Dimas Pratama', 'Serial animasi 2D cerita rakyat Sunda untuk anak usia dini.', 'prototype', '59112', 'film_animation_video', '32.77'],
	['Sawah Data', 'Asep Saepudin', 'Sensor kelembapan tanah dan dasbor irigasi untuk kelompok tani.', 'mvp', '26390', 'app', '32.04'],
	['Ngaji Pintar', 'Siti Nurhaliza Rahmawati', 'Aplikasi belajar mengaji dengan pengenalan suara.', 'revenue', '62019', 'app', '32.73', 95_000_000],
	['Batik Render', 'Yoga Firmansyah', 'Layanan render 3D motif batik untuk katalog produk fesyen.', 'mvp', '62019', 'fashion', '32.73'],
	['Kampung Game', 'Rizky Ramadhan', 'Game mobile kasual bertema permainan tradisional anak.', 'revenue', '58200', 'game', '32.77', 60_000_000],
	['Lapak Tani', 'Euis Komalasari', 'Pasar daring sayur langsung dari petani Lembang ke restoran.', 'revenue', '62019', 'app', '32.17', 420_000_000],
	['Si Cepot Studio', 'Ujang Suherman', 'Studio animasi 3D untuk iklan produk lokal.', 'revenue', '59112', 'film_animation_video', '32.77', 250_000_000],
	['Kelas Kode Priangan', 'Nadia Permatasari', 'Bootcamp pemrograman daring untuk lulusan SMK.', 'mvp', '62019', 'app', '32.78'],
	['Rumah Sehat Digital', 'dr. Fajar Nugraha', 'Rekam medis sederhana untuk klinik pratama dan bidan.', 'prototype', '62019', 'app', '32.73'],
	['Suara Parahyangan', 'Gilang Mahardika', 'Platform podcast dan buku audio berbahasa Sunda.', 'mvp', '59112', 'tv_radio', '32.73'],
	['Angkot Pintar', 'Wulan Sari', 'Pelacak posisi angkot dan estimasi kedatangan untuk penumpang.', 'prototype', '62019', 'app', '32.77'],
	['Desa Wisata Go', 'Hendra Kusuma', 'Pemesanan paket desa wisata Jawa Barat, terhubung ke pengelola desa.', 'mvp', '62019', 'app', '32.17'],
	['Kriya Kita', 'Ratna Dewi', 'Toko daring kerajinan bambu Tasikmalaya untuk pembeli luar negeri.', 'revenue', '62019', 'craft', '32.78', 75_000_000],
	['Sinema Cimahi', 'Bayu Aji Saputra', 'Rumah produksi film pendek dan video profil untuk UMKM.', 'revenue', '59111', 'film_animation_video', '32.77', 130_000_000],
	['Tani Drone', 'Galih Permana', 'Jasa pemetaan lahan dengan drone dan analisis citra.', 'prototype', '26390', 'app', '32.04'],
	['Kopi Data', 'Indra Lesmana', 'Ketertelusuran biji kopi Priangan dari kebun ke kafe.', 'idea', '62019', 'app', '32.04'],
	['Pustaka Anak', 'Melati Anggraini', 'Buku cerita anak interaktif dengan narasi dan animasi.', 'mvp', '58200', 'publishing', '32.73'],
	['Bengkel Online', 'Tatang Sutisna', 'Pemesanan servis motor ke bengkel terdekat.', 'mvp', '62019', 'app', '32.75'],
	['Musik Kacapi', 'Ayu Lestari', 'Aplikasi belajar kacapi suling dengan pengenal nada.', 'prototype', '62019', 'music', '32.73'],
	['Gudang Pintar', 'Yudi Hermawan', 'Sistem gudang berbasis RFID untuk distributor kecil.', 'mvp', '26390', 'app', '32.76'],
	['Jasa Dubbing Nusantara', 'Citra Kirana', 'Sulih suara dan subtitle bahasa daerah untuk konten animasi.', 'revenue', '59112', 'film_animation_video', '32.77', 88_000_000],
	['Sampah Jadi Cuan', 'Reza Maulana', 'Aplikasi bank sampah dengan poin untuk warga.', 'prototype', '62019', 'app', '32.77'],
	['Desain Rumah Kita', 'Anisa Fitriani', 'Konsultasi desain interior rumah tipe kecil secara daring.', 'mvp', '62019', 'interior_design', '32.73'],
	['Arsip Budaya', 'Teguh Wibowo', 'Digitalisasi naskah dan foto budaya Sunda untuk museum.', 'idea', '62019', 'photography', '32.72'],
	['Kuliner Nusantara Kit', 'Lina Marlina', 'Paket bumbu dan video resep untuk diaspora.', 'revenue', '62019', 'culinary', '32.73', 210_000_000],
	['Robot Edu', 'Aditya Nugroho', 'Kit robotika dan kurikulum untuk sekolah dasar.', 'mvp', '26390', 'app', '32.77'],
	['Panggung Virtual', 'Sekar Ayu', 'Tiket dan siaran pertunjukan seni tradisi secara daring.', 'prototype', '62019', 'performing_arts', '32.73'],
	['Logistik Desa', 'Dadang Kurniawan', 'Titip kirim paket antardesa memakai angkutan lokal.', 'idea', '62019', 'app', '32.05'],
	['Font Aksara', 'Wira Satria', 'Huruf digital aksara Sunda dan Jawa untuk desainer.', 'mvp', '62019', 'visual_communication_design', '32.73']
];

/** The last few of the list are still drafts: they have not finished the form. */
const DRAFTS = 4;

/** A one-page PDF with a line of text: what the demo's pitch decks are. */
function simplePdf(text: string): Buffer {
	const safe = text.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e]/g, '?');
	const stream = `BT /F1 24 Tf 60 500 Td (${safe}) Tj ET`;
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
		`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`
	];
	let out = '%PDF-1.4\n';
	const offsets: number[] = [];
	objects.forEach((o, i) => {
		offsets.push(out.length);
		out += `${i + 1} 0 obj\n${o}\nendobj\n`;
	});
	const xref = out.length;
	out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
	out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(out, 'latin1');
}


/**
 * Thirty applications to Cimahi Techno Park's open call, the last four still drafts. Their
 * founders are people without a sign-in (they exist for the staff's lists); the submitted ones'
 * startups are in the directory with their founder as admin, as submission does.
 */
export async function seedApplications(callId: string, submittedFrom: Date) {
	const sections = starterForm();
	const [form] = await db().insert(applicationForm).values({ callId, version: 1, sections }).returning();
	for (const [i, [name, founder, summary, stage, kbli, subsector, regency, revenue]] of startups.entries()) {
		const draft = i >= startups.length - DRAFTS;
		const userId = `demo-applicant-${i + 1}`;
		const email = `${slugify(founder).replace(/^dr-/, '').split('-')[0]}@${slugify(name)}.demo`;
		await db().insert(user).values({ id: userId, name: founder, email, emailVerified: true }).onConflictDoNothing();
		const regionError = await checkRegion(regency.slice(0, 2), regency);
		if (regionError) throw new Error(`demo application ${name}: ${regionError}`);
		const raw = {
			summary,
			stage,
			...(revenue ? { revenue } : {}),
			website: `https://${slugify(name)}.demo`,
			team: [
				{ name: founder, role: 'CEO' },
				{ name: `Rekan ${founder.split(' ')[0]}`, role: 'CTO' }
			]
		};
		const submittedAt = draft ? null : new Date(submittedFrom.getTime() + i * 7 * 3600_000);
		let organizationId: string | null = null;
		if (!draft) {
			const [o] = await db().insert(organization).values({ name, slug: slugify(name), kind: 'startup', description: summary, kbli: [kbli] }).returning({ id: organization.id });
			organizationId = o!.id;
			await db().insert(orgMember).values({ orgId: o!.id, userId, title: 'Founder', isAdmin: true });
		}
		const [a] = await db()
			.insert(application)
			.values({ callId, formId: form!.id, applicantId: userId, organizationId, startupName: draft ? name : '', status: draft ? 'draft' : 'submitted', answers: {}, kbli, subsector, provinceCode: regency.slice(0, 2), regencyCode: regency, submittedAt, createdAt: submittedAt ?? new Date(), updatedAt: submittedAt ?? new Date() })
			.returning({ id: application.id });
		const content = simplePdf(`Pitch deck ${name}`);
		const [file] = await db()
			.insert(applicationFile)
			.values({ applicationId: a!.id, fieldKey: 'pitch_deck', name: `pitch-deck-${slugify(name)}.pdf`, mime: 'application/pdf', bytes: content.byteLength, sha256: sha256(content), content })
			.returning({ id: applicationFile.id });
		// The same checks as the applicants' own saves and submissions.
		const checked = checkAnswers(sections, { ...raw, pitch_deck: file!.id }, { submit: !draft });
		if (checked.errors.length) throw new Error(`demo application ${name}: ${JSON.stringify(checked.errors)}`);
		await db().update(application).set({ answers: checked.answers }).where(eq(application.id, a!.id));
	}
	return startups.length;
}

/** Invented reviewers from industry, academia and investors; they have no sign-in. */
const reviewerPeople = [
	{ id: 'demo-reviewer-1', name: 'Ir. Wawan Gunawan', email: 'wawan@penilai.demo' },
	{ id: 'demo-reviewer-2', name: 'Dr. Lina Herlina', email: 'lina@penilai.demo' },
	{ id: 'demo-reviewer-3', name: 'Yusuf Maulana', email: 'yusuf@penilai.demo' }
];

/** A score from 1 to 5 that depends only on its inputs: the startup's strength, the reviewer's leaning, a little noise. */
function demoScore(app: number, reviewer: number, criterion: number): number {
	const strength = 5 - ((app * 7) % 26) / 6.5; // 1..5, spread over the list
	const leaning = [0.4, -0.6, 0, 0.2][reviewer % 4]!;
	const noise = ((app * 31 + reviewer * 17 + criterion * 13) % 5) / 4 - 0.5;
	return Math.max(1, Math.min(5, Math.round(strength + leaning + noise)));
}

/**
 * Cimahi's call under review: a blind proposal review where every application has two scored
 * reviews, one reviewer's declared conflict and its replacement; the ten best moved on to pitching,
 * where reviewer@taman.demo still has reviews to do.
 */
export async function seedReview(callId: string, siteId: string) {
	await db().insert(user).values(reviewerPeople.map((r) => ({ ...r, emailVerified: true }))).onConflictDoNothing();
	const bambang = (await loadActorByEmail('reviewer@taman.demo'))!;
	if (bambang.kind !== 'user') return;
	await db().insert(siteRole).values([bambang.userId, ...reviewerPeople.map((r) => r.id)].map((userId) => ({ userId, siteId, role: 'reviewer' as const }))).onConflictDoNothing();
	const people = [bambang, ...(await Promise.all(reviewerPeople.map(async (r) => (await loadActor(r.id, 'write', 'session'))!)))];

	const criteria = [
		{ key: 'inovasi', name: 'Inovasi dan keunikan produk', description: '', weight: 3, scaleMax: 5 },
		{ key: 'pasar', name: 'Potensi pasar', description: '', weight: 2, scaleMax: 5 },
		{ key: 'tim', name: 'Kesiapan tim', description: '', weight: 2, scaleMax: 5 },
		{ key: 'dampak', name: 'Dampak bagi ekonomi digital Cimahi', description: '', weight: 1, scaleMax: 5 }
	];
	const desk = await review.createStage(system, callId, { name: 'Penilaian proposal', criteria, blind: true, commentRequired: true, reviewersPerApplication: 2 });
	const pitch = await review.createStage(system, callId, { name: 'Wawancara & pitching', criteria, reviewersPerApplication: 2 });
	const submitted = await db().select({ id: application.id, startupName: application.startupName, applicantId: application.applicantId }).from(application).where(eq(application.status, 'submitted'));
	const order = startups.map((s, i) => ({ i, app: submitted.find((a) => a.applicantId === `demo-applicant-${i + 1}`) })).filter((x): x is { i: number; app: (typeof submitted)[number] } => !!x.app);
	await review.moveApplications(system, callId, { applicationIds: order.map((x) => x.app.id), to: desk.id, notify: false });
	await review.assignReviewers(system, desk.id, { auto: true });

	// Yusuf Maulana knows the founders of Kopi Data: he declares it, and someone else reviews it.
	const kopi = order.find((x) => startups[x.i]![0] === 'Kopi Data')!;
	await review.declareConflict(people[3]!, kopi.app.id, { reason: 'Pendiri Kopi Data adalah sepupu saya.' });

	const score = async (stageId: string, done: (reviewer: number) => boolean) => {
		for (const [r, who] of people.entries()) {
			if (!done(r)) continue;
			for (const mine of (await review.myReviews(who)).filter((x) => !x.submittedAt)) {
				const [stage] = await db().select({ id: reviewStage.id }).from(reviewStage).where(eq(reviewStage.name, mine.stageName));
				if (stage?.id !== stageId) continue;
				const i = order.find((x) => x.app.id === mine.applicationId)!.i;
				const scores = Object.fromEntries(criteria.map((c, k) => [c.key, demoScore(i, r, k)]));
				await review.scoreReview(who, mine.id, { scores, comment: scores.inovasi! >= 4 ? 'Produk menarik dan tim siap; perlu data pengguna awal.' : 'Masalah belum tervalidasi; model bisnis perlu diperjelas.' });
			}
		}
	};
	await score(desk.id, () => true);

	// The ten best of the proposal review go on to pitching.
	const ranked = await review.ranking(system, desk.id, { normalise: '1' });
	await review.moveApplications(system, callId, { applicationIds: ranked.items.slice(0, 10).map((x) => x.applicationId), to: pitch.id, notify: false });
	await review.assignReviewers(system, pitch.id, { auto: true });
	await score(pitch.id, (r) => r !== 0);
}
