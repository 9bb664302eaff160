import { db } from '../db/client.ts';
import { course } from '../training/schema.ts';
import { system } from '../auth/actor.ts';
import { loadActor, loadActorByEmail } from '../auth/load-actor.ts';
import { createClass, createCourse, decideEnrolment, enrol } from '../training/course.service.ts';
import { addDays, localParts, zonedInstant } from '../facilities/time.ts';

/**
 * The training catalogue from the seeds: Cimahi Techno Park as Authorized Training Center (Toon Boom
 * Harmony and its training of trainers, Intel IoT), and the Coding Factory's cloud and AI track for
 * interns. Classes start in the coming weeks; the demo's applicants fill seats, one class is full
 * with a waiting list, and the restricted one has requests to decide.
 */
export async function seedTraining(siteIds: Map<string, string>) {
	if ((await db().select({ id: course.id }).from(course).limit(1)).length) return;
	const today = localParts(new Date(), 'Asia/Jakarta').date;
	/** Weekly sessions from `days` ahead, `from`–`to` o'clock WIB. */
	const weekly = (days: number, count: number, from: number, to: number) => Array.from({ length: count }, (_, i) => ({ startsAt: zonedInstant(addDays(today, days + 7 * i), from * 60, 'Asia/Jakarta').toISOString(), endsAt: zonedInstant(addDays(today, days + 7 * i), to * 60, 'Asia/Jakarta').toISOString() }));
	const sri = await loadActorByEmail('mentor@taman.demo');
	const people = (await Promise.all(Array.from({ length: 16 }, (_, i) => loadActor(`demo-applicant-${i + 1}`, 'write', 'session')))).filter((a): a is NonNullable<typeof a> => !!a);
	const seat = async (classId: string, from: number, count: number) => {
		const out = [];
		for (const p of people.slice(from, from + count)) out.push(await enrol(p, classId));
		return out;
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
	const h1 = await createClass(system, harmony.id, { title: 'Angkatan Desember', capacity: 12, location: 'Lab Toon Boom, Gedung Technopark Cimahi', trainerIds: sri?.kind === 'user' ? [sri.userId] : [], sessions: weekly(7, 4, 9, 15) });
	await seat(h1.id, 0, 9);
	const tot = await createClass(system, harmony.id, { title: 'Training of Trainers', capacity: 6, approvalRequired: true, location: 'Lab Toon Boom, Gedung Technopark Cimahi', trainerIds: sri?.kind === 'user' ? [sri.userId] : [], sessions: weekly(21, 3, 9, 16) });
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
	const i1 = await createClass(system, iot.id, { title: 'Kelas Sabtu', capacity: 4, location: 'Ruang Pelatihan Lantai 2', onlineUrl: 'https://meet.jit.si/Taman-IntelIoT-Cimahi', sessions: weekly(5, 2, 8, 16) });
	await seat(i1.id, 9, 6);

	const cloud = await createCourse(system, siteIds.get('coding-factory-singhasari')!, {
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
	const c1 = await createClass(system, cloud.id, { title: 'Batch Januari', capacity: 30, location: 'Lantai produksi 2, Coding Factory', sessions: weekly(14, 5, 13, 17) });
	await seat(c1.id, 0, 5);
}
