import { and, eq } from 'drizzle-orm';
import { db } from '../db/client.ts';
import { classSession, course, credential } from '../training/schema.ts';
import { qualification, resource } from '../facilities/schema.ts';
import { revokeCredential } from '../training/credentials/credential.service.ts';
import { system, type Actor } from '../auth/actor.ts';
import { loadActor, loadActorByEmail } from '../auth/load-actor.ts';
import { createClass, createCourse, decideEnrolment, enrol, type PublicClass } from '../training/course.service.ts';
import { checkIn, recordAttendance, recordScores, setAssessment } from '../training/progress.service.ts';
import { addDays, localParts, zonedInstant } from '../facilities/time.ts';
import { workdays } from './facilities.ts';

/**
 * The training catalogue from the seeds: Cimahi Techno Park as Authorized Training Center (Toon Boom
 * Harmony and its training of trainers, Intel IoT), and the Coding Factory's cloud and AI track for
 * interns. Classes start in the coming weeks; the demo's applicants fill seats, one class is full
 * with a waiting list, and the restricted one has requests to decide. Each course has its
 * assessment; a class of each park ran last month, with attendance (by list and by QR) and scores:
 * most passed, one missed too many sessions, one scored under the pass mark.
 */
export async function seedTraining(siteIds: Map<string, string>) {
	if ((await db().select({ id: course.id }).from(course).limit(1)).length) return;
	const today = localParts(new Date(), 'Asia/Jakarta').date;
	/** Weekly sessions from `days` ahead, `from`–`to` o'clock WIB. */
	const weekly = (days: number, count: number, from: number, to: number) => Array.from({ length: count }, (_, i) => ({ startsAt: zonedInstant(addDays(today, days + 7 * i), from * 60, 'Asia/Jakarta').toISOString(), endsAt: zonedInstant(addDays(today, days + 7 * i), to * 60, 'Asia/Jakarta').toISOString() }));
	const sri = await loadActorByEmail('mentor@taman.demo');
	const people = (await Promise.all(Array.from({ length: 16 }, (_, i) => loadActor(`demo-applicant-${i + 1}`, 'write', 'session')))).filter((a): a is NonNullable<typeof a> => !!a);
	const seat = async (classId: string, from: number, count: number, at = new Date()) => {
		const out = [];
		for (const p of people.slice(from, from + count)) out.push(await enrol(p, classId, at));
		return out;
	};
	/**
	 * A class that has ended: its people enrolled a week before it began, attended every session
	 * but those in `missed` (the first of them scanned the QR code, the others were ticked by the
	 * trainer), and were scored per component.
	 */
	const ran = async (trainer: Actor, k: PublicClass, componentIds: string[], from: number, scores: number[][], missed: Record<number, number[]> = {}) => {
		const who = await seat(k.id, from, scores.length, new Date(Date.parse(k.sessions[0]!.startsAt) - 7 * 86_400_000));
		const rows = await db().select().from(classSession).where(eq(classSession.classId, k.id));
		for (const [n, s] of k.sessions.entries()) {
			const here = who.map((e, i) => ({ e, i })).filter(({ i }) => !missed[i]?.includes(n));
			const code = rows.find((r) => r.id === s.id)!.code;
			if (here[0]) await checkIn(people[from + here[0].i]!, s.id, { code }, new Date(Date.parse(s.startsAt) + 5 * 60_000));
			await recordAttendance(trainer, s.id, { present: here.map(({ e }) => e.userId) }, new Date(s.endsAt));
		}
		const last = new Date(k.sessions.at(-1)!.endsAt);
		await recordScores(trainer, k.id, { scores: who.flatMap((e, i) => componentIds.map((componentId, c) => ({ userId: e.userId, componentId, score: scores[i]![c]! }))) }, last);
	};
	/** `count` sessions a week apart on open weekdays of a park, starting `days` from today (negative: in the past). */
	const weeklyAt = async (siteId: string, days: number, count: number, from: number, to: number, zone = 'Asia/Jakarta') => {
		const open = await workdays(siteId, addDays(today, days), count * 5);
		return Array.from({ length: count }, (_, i) => open[i * 5]!).map((d) => ({ startsAt: zonedInstant(d, from * 60, zone).toISOString(), endsAt: zonedInstant(d, to * 60, zone).toISOString() }));
	};

	const cimahi = siteIds.get('cimahi-techno-park')!;
	const harmony = await createCourse(system, cimahi, {
		slug: 'toon-boom-harmony-essentials',
		title: 'Toon Boom Harmony Essentials',
		provider: 'Toon Boom Animation',
		description: 'Pelatihan resmi Authorized Training Center Cimahi Techno Park: antarmuka Harmony, gambar vektor, rigging cut-out, animasi dan compositing hingga render. Peserta yang lulus berhak atas sertifikat pelatihan.',
		skills: ['Animasi 2D', 'Rigging cut-out', 'Compositing', 'Toon Boom Harmony'],
		level: 'beginner',
		durationHours: 24,
		prerequisites: 'Membawa laptop tidak wajib: lab Toon Boom tersedia. Dasar menggambar membantu.',
		priceIdr: 1_500_000,
		language: 'id'
	});
	const harmonyParts = (await setAssessment(system, harmony.id, { passMark: 70, minAttendance: 75, components: [{ kind: 'test', title: 'Ujian teori Harmony', weight: 30 }, { kind: 'project', title: 'Proyek animasi pendek', weight: 70 }] })).components.map((k) => k.id);
	const sriIds = sri?.kind === 'user' ? [sri.userId] : [];
	// Last month's class: four of six passed; one missed half the sessions, one scored under 70.
	const h0 = await createClass(system, harmony.id, { title: 'Angkatan Oktober', capacity: 12, location: 'Lab Toon Boom, Gedung Technopark Cimahi', trainerIds: sriIds, sessions: await weeklyAt(cimahi, -45, 4, 9, 12) });
	if (sri) await ran(sri, h0, harmonyParts, 10, [[85, 90], [78, 82], [92, 88], [70, 75], [60, 62], [88, 91]], { 5: [0, 1] });
	// The coming class holds the Toon Boom lab for each session, booked through the facilities service by the park's staff.
	const staffCimahi = await loadActorByEmail('staf.cimahi@taman.demo');
	const [lab] = await db().select({ id: resource.id }).from(resource).where(and(eq(resource.siteId, cimahi), eq(resource.slug, 'lab-toon-boom')));
	const h1 = await createClass(staffCimahi ?? system, harmony.id, { title: 'Angkatan Desember', capacity: 12, location: 'Lab Toon Boom, Gedung Technopark Cimahi', roomId: staffCimahi && lab ? lab.id : undefined, trainerIds: sriIds, sessions: await weeklyAt(cimahi, 7, 4, 13, 16) });
	await seat(h1.id, 0, 9);
	const tot = await createClass(system, harmony.id, { title: 'Training of Trainers', capacity: 6, approvalRequired: true, location: 'Lab Toon Boom, Gedung Technopark Cimahi', trainerIds: sriIds, sessions: weekly(21, 3, 9, 16) });
	const asked = await seat(tot.id, 9, 3);
	await decideEnrolment(system, asked[0]!.id, { decision: 'approve' });

	const iot = await createCourse(system, cimahi, {
		slug: 'intel-iot-fundamentals',
		title: 'Intel IoT Fundamentals',
		provider: 'Intel',
		description: 'Dasar Internet of Things bersama Intel: sensor, mikrokontroler, konektivitas, dan platform data, dengan proyek kecil untuk industri kreatif dan kota cerdas Cimahi.',
		skills: ['IoT', 'Sensor', 'Edge computing'],
		level: 'intermediate',
		durationHours: 16,
		prerequisites: 'Pemrograman dasar (Python atau C).',
		priceIdr: 0,
		language: 'id'
	});
	await setAssessment(system, iot.id, { passMark: 75, minAttendance: 100, components: [{ kind: 'practical', title: 'Praktik sensor dan mikrokontroler', weight: 40 }, { kind: 'project', title: 'Proyek kota cerdas', weight: 60 }] });
	const i1 = await createClass(system, iot.id, { title: 'Kelas Sabtu', capacity: 4, location: 'Ruang Pelatihan Lantai 2', onlineUrl: 'https://meet.jit.si/Taman-IntelIoT-Cimahi', sessions: weekly(5, 2, 8, 16) });
	await seat(i1.id, 9, 6);

	const singhasari = siteIds.get('coding-factory-singhasari')!;
	const cloud = await createCourse(system, singhasari, {
		slug: 'cloud-ai-magang',
		title: 'Cloud Computing & AI untuk Magang',
		provider: 'Coding Factory KEK Singhasari',
		description: 'Jalur pelatihan peserta magang Coding Factory: layanan cloud, kontainer, data pipeline dan model AI yang dipakai di proyek klien.',
		skills: ['Cloud computing', 'Kontainer', 'Machine learning'],
		level: 'intermediate',
		durationHours: 40,
		priceIdr: 0,
		language: 'id'
	});
	const cloudParts = (await setAssessment(system, cloud.id, { passMark: 70, minAttendance: 80, components: [{ kind: 'test', title: 'Kuis layanan cloud', weight: 40 }, { kind: 'project', title: 'Proyek AI untuk klien', weight: 60 }] })).components.map((k) => k.id);
	const staffSinghasari = await loadActorByEmail('staf.singhasari@taman.demo');
	const c0 = await createClass(system, cloud.id, { title: 'Batch Oktober', capacity: 30, location: 'Lantai produksi 2, Coding Factory', trainerIds: staffSinghasari?.kind === 'user' ? [staffSinghasari.userId] : [], sessions: await weeklyAt(singhasari, -50, 5, 13, 17) });
	if (staffSinghasari) await ran(staffSinghasari, c0, cloudParts, 0, [[80, 85], [90, 70], [65, 88], [75, 72], [55, 60]]);
	// One Batch Oktober certificate was withdrawn after its project was re-examined.
	const [withdrawn] = (await db().select({ id: credential.id }).from(credential).where(eq(credential.classId, c0.id)).orderBy(credential.statusIndex)).slice(-1);
	if (withdrawn && staffSinghasari) await revokeCredential(staffSinghasari, withdrawn.id, { reason: 'Nilai proyek dikoreksi setelah pemeriksaan ulang oleh tim Coding Factory' });
	const c1 = await createClass(system, cloud.id, { title: 'Batch Januari', capacity: 30, location: 'Lantai produksi 2, Coding Factory', sessions: weekly(14, 5, 13, 17) });
	await seat(c1.id, 0, 5);
}

/**
 * BCIC Bali's motion-capture induction: a certificate of it grants the qualification the mocap
 * stage requires, for a year. Last year's class has expired; this month's (Putu Ayu Maharani among
 * them) holds, so she may book the stage.
 */
export async function seedInduction(siteIds: Map<string, string>) {
	const bali = siteIds.get('bcic-bali')!;
	const admin = await loadActorByEmail('admin@taman.demo');
	const ayu = await loadActorByEmail('anggota@taman.demo');
	if (admin?.kind !== 'user' || ayu?.kind !== 'user') return;
	if ((await db().select({ id: course.id }).from(course).where(and(eq(course.siteId, bali), eq(course.slug, 'induksi-motion-capture')))).length) return;
	const [induction] = await db().select({ id: qualification.id }).from(qualification).where(and(eq(qualification.siteId, bali), eq(qualification.name, 'Induksi keselamatan motion capture')));
	const c = await createCourse(admin, bali, {
		slug: 'induksi-motion-capture',
		title: 'Induksi Keselamatan Motion Capture',
		provider: 'BCIC Bali',
		description: 'Keselamatan panggung, pemakaian suit dan marker, kalibrasi kamera, dan prosedur darurat. Wajib sebelum memesan panggung motion capture TohpaTI/BCIC.',
		skills: ['Motion capture', 'Keselamatan studio'],
		durationHours: 3,
		priceIdr: 0,
		validityMonths: 12,
		qualificationId: induction?.id
	});
	const today = localParts(new Date(), 'Asia/Makassar').date;
	const people = (await Promise.all(Array.from({ length: 3 }, (_, i) => loadActor(`demo-applicant-${i + 13}`, 'write', 'session')))).filter((a): a is NonNullable<typeof a> => !!a);
	for (const [title, days, who] of [['Induksi 2025', -430, people], ['Induksi bulan ini', -10, [ayu, ...people.slice(0, 1)]]] as const) {
		const [day] = await workdays(bali, addDays(today, days), 1);
		const session = { startsAt: zonedInstant(day!, 9 * 60, 'Asia/Makassar').toISOString(), endsAt: zonedInstant(day!, 12 * 60, 'Asia/Makassar').toISOString() };
		const k = await createClass(admin, c.id, { title, capacity: 8, location: 'Panggung motion capture, BCIC Bali', sessions: [session] }, new Date(Date.parse(session.startsAt) - 14 * 86_400_000));
		for (const p of who) await enrol(p, k.id, new Date(Date.parse(session.startsAt) - 7 * 86_400_000));
		// Attending the session completes the induction, which issues the certificates.
		await recordAttendance(admin, k.sessions[0]!.id, { present: who.map((p) => (p as { userId: string }).userId) }, new Date(session.endsAt));
	}
}
