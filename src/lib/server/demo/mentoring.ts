import { eq } from 'drizzle-orm';
import { db } from '../db/client.ts';
import { user } from '../auth/schema.ts';
import { organization, siteRole } from '../directory/schema.ts';
import { cohortMember, mentorProfile, mentorSession, officeHours } from '../incubation/schema.ts';
import { loadActorByEmail } from '../auth/load-actor.ts';
import { bookSession, freeSlots } from '../incubation/mentoring.service.ts';
import { addDays, localParts, zonedInstant } from '../facilities/time.ts';

/** Four mentors without a login next to mentor@taman.demo (Sri Wahyuni); invented people, real kinds of expertise. */
const people = [
	{ id: 'demo-mentor-hendra', name: 'Hendra Gunawan', email: 'hendra.gunawan@mentor.demo', headline: 'Arsitek cloud, 15 tahun membangun platform untuk BUMN', expertise: ['cloud', 'DevOps', 'arsitektur perangkat lunak'], languages: ['id', 'en'], weekday: 2, from: '13:00', to: '16:00' },
	{ id: 'demo-mentor-maria', name: 'Maria Ulfa', email: 'maria.ulfa@mentor.demo', headline: 'Pemasaran digital dan pitching untuk startup B2B', expertise: ['pemasaran digital', 'pitching', 'penjualan B2B'], languages: ['id', 'en'], weekday: 3, from: '09:00', to: '12:00' },
	{ id: 'demo-mentor-yohanes', name: 'Yohanes Saragih', email: 'yohanes.saragih@mentor.demo', headline: 'Keuangan startup, valuasi dan persiapan pendanaan', expertise: ['keuangan', 'pendanaan', 'model bisnis'], languages: ['id'], weekday: 4, from: '15:00', to: '18:00' },
	{ id: 'demo-mentor-nyoman', name: 'I Nyoman Sudiarta', email: 'nyoman.sudiarta@mentor.demo', headline: 'Desain produk dan riset pengguna (Denpasar, WITA)', expertise: ['desain produk', 'UX', 'riset pengguna'], languages: ['id', 'en'], weekday: 5, from: '10:00', to: '12:00', timeZone: 'Asia/Makassar' }
];

const past: { mentor: string; startup: string; weeksAgo: number; topic: string; notes: string; items: string[]; mentorRating: number; startupRating: number; comment: string }[] = [
	{ mentor: 'demo-mentor-hendra', startup: 'kopi-kode', weeksAgo: 9, topic: 'Arsitektur untuk klien Jepang', notes: 'Pisahkan layanan laporan dari aplikasi utama; antrean kerja untuk ekspor besar.', items: ['Dokumentasikan SLA untuk klien', '[x] Pasang pemantauan galat'], mentorRating: 5, startupRating: 5, comment: 'Sangat praktis.' },
	{ mentor: 'demo-mentor-maria', startup: 'kopi-kode', weeksAgo: 5, topic: 'Proposal untuk dinas', notes: 'Tonjolkan studi kasus BUMN; harga paket per modul.', items: ['Siapkan dua studi kasus satu halaman'], mentorRating: 4, startupRating: 5, comment: 'Jelas dan terarah.' },
	{ mentor: 'demo-mentor-yohanes', startup: 'brawijaya-ai-lab', weeksAgo: 7, topic: 'Model pendapatan', notes: 'Langganan per lahan lebih mudah dijual daripada per citra.', items: ['Hitung ulang CAC per koperasi'], mentorRating: 4, startupRating: 4, comment: 'Membantu menyusun angka.' },
	{ mentor: 'demo-mentor-nyoman', startup: 'tumpang-agritech', weeksAgo: 6, topic: 'Uji kegunaan aplikasi pembeli', notes: 'Alur pemesanan terlalu panjang untuk dapur hotel; kurangi tiga langkah.', items: ['Uji ulang dengan 5 pembeli'], mentorRating: 3, startupRating: 5, comment: 'Temuan yang tidak kami lihat.' },
	{ mentor: 'sri', startup: 'kawi-games', weeksAgo: 4, topic: 'Animasi karakter untuk gim', notes: 'Rig karakter di Toon Boom Harmony; siklus jalan 12 gambar cukup untuk mobile.', items: ['Ikuti pelatihan Toon Boom di Cimahi', '[x] Kurangi ukuran aset'], mentorRating: 5, startupRating: 5, comment: 'Bu Sri luar biasa.' },
	{ mentor: 'demo-mentor-hendra', startup: 'arek-cloud', weeksAgo: 3, topic: 'Harga layanan terkelola', notes: 'Paket dasar terlalu murah untuk dukungan 24 jam.', items: ['Naikkan harga paket dukungan'], mentorRating: 4, startupRating: 4, comment: '' }
];

/**
 * Five mentors at the Coding Factory (Sri Wahyuni also mentors at Cimahi and Bandung) with weekly
 * office hours, past sessions with notes, action items and feedback both ways, and one session
 * Kopi Kode has booked for next week.
 */
export async function seedMentoring(siteId: string, programmeId: string) {
	await db().insert(user).values(people.map((p) => ({ id: p.id, name: p.name, email: p.email, emailVerified: true }))).onConflictDoNothing();
	const sri = await loadActorByEmail('mentor@taman.demo');
	const sriId = sri?.kind === 'user' ? sri.userId : null;
	const ids = [...people.map((p) => p.id), ...(sriId ? [sriId] : [])];
	await db().insert(siteRole).values(ids.map((userId) => ({ userId, siteId, role: 'mentor' as const }))).onConflictDoNothing();
	for (const p of people) {
		await db().insert(mentorProfile).values({ userId: p.id, headline: p.headline, expertise: p.expertise, languages: p.languages, timeZone: p.timeZone ?? 'Asia/Jakarta', bio: `${p.headline}. Mentor di Coding Factory KEK Singhasari.` }).onConflictDoNothing();
		await db().insert(officeHours).values({ mentorId: p.id, weekday: p.weekday, startsAt: p.from, endsAt: p.to, slotMinutes: 60, online: true, siteId });
	}
	if (sriId) {
		await db().insert(mentorProfile).values({ userId: sriId, headline: 'Animator 2D dan pelatih bersertifikat Toon Boom', bio: 'Mendampingi studio animasi dan gim sejak 2012; pelatih di Authorized Training Center Cimahi Techno Park.', expertise: ['animasi 2D', 'Toon Boom Harmony', 'pipeline produksi'], languages: ['id', 'en', 'su'] }).onConflictDoNothing();
		await db().insert(officeHours).values([
			{ mentorId: sriId, weekday: 1, startsAt: '09:00', endsAt: '12:00', slotMinutes: 60, online: true, siteId },
			{ mentorId: sriId, weekday: 4, startsAt: '13:00', endsAt: '15:00', slotMinutes: 60, online: true, siteId: null }
		]);
	}
	const members = new Map((await db().select({ id: cohortMember.id, slug: organization.slug }).from(cohortMember).innerJoin(organization, eq(organization.id, cohortMember.organizationId)).where(eq(cohortMember.programmeId, programmeId))).map((m) => [m.slug, m.id]));
	const today = localParts(new Date(), 'Asia/Jakarta').date;
	for (const s of past) {
		const mentorId = s.mentor === 'sri' ? sriId : s.mentor;
		const memberId = members.get(s.startup);
		if (!mentorId || !memberId) continue;
		const start = zonedInstant(addDays(today, -7 * s.weeksAgo), 10 * 60, 'Asia/Jakarta');
		await db().insert(mentorSession).values({
			mentorId,
			memberId,
			topic: s.topic,
			startsAt: start,
			endsAt: new Date(start.getTime() + 3_600_000),
			mode: 'online',
			meetingUrl: `https://meet.jit.si/Taman-demo-${s.startup}-${s.weeksAgo}`,
			notes: s.notes,
			actionItems: s.items.map((t) => ({ text: t.replace(/^\[x\] /, ''), done: t.startsWith('[x]') })),
			mentorRating: s.mentorRating,
			startupRating: s.startupRating,
			startupFeedback: s.comment,
			remindedAt: start
		});
	}
	// Kopi Kode's co-founder books Hendra's first free hour, online.
	const putu = await loadActorByEmail('anggota@taman.demo');
	const slot = (await freeSlots('demo-mentor-hendra', { days: 14 }))[0];
	if (putu?.kind === 'user' && slot && members.get('kopi-kode')) await bookSession(putu, { mentorId: 'demo-mentor-hendra', memberId: members.get('kopi-kode')!, startsAt: slot.startsAt, topic: 'Skalabilitas untuk klien Singapura' });
}
