import { eq } from 'drizzle-orm';
import { db } from '../db/client.ts';
import { site, organization, orgMember, tenancy, siteRole } from '../directory/schema.ts';
import { user } from '../auth/schema.ts';
import { createVerifiedUser, hashPassword } from '../auth/account.service.ts';
import { createSite } from '../directory/site.service.ts';
import { system } from '../auth/actor.ts';
import { DEMO_PASSWORD, demoAccounts } from './accounts.ts';
import type { CreateSite } from '../../schemas/directory.ts';
import { seedFacilities } from './facilities.ts';
import { seedIncubation } from './incubation.ts';
import { seedInduction, seedTraining } from './training.ts';

/**
 * The demo network: the parks, partners and tenants named in the source articles (Kemenperin's
 * Virtual Technopark, KEK Singhasari, Cimahi Techno Park, Malang's creative economy). People are
 * invented: real persons quoted in the articles are not turned into accounts.
 */
const week = (open: string, close: string): CreateSite['openingHours'] => ({
	'1': [[open, close]],
	'2': [[open, close]],
	'3': [[open, close]],
	'4': [[open, close]],
	'5': [[open, close]]
});

export const demoSites: CreateSite[] = [
	{ slug: 'bandung-technopark', name: 'Bandung Technopark', kind: 'technopark', timeZone: 'Asia/Jakarta', provinceCode: '32', regencyCode: '32.73', address: 'Jl. Telekomunikasi No. 1, Terusan Buahbatu, Bandung', description: 'Pusat inovasi teknologi pengembangan produk perangkat keras dan lunak, didukung kolaborasi perguruan tinggi dan pelaku usaha.', contactEmail: 'info@bandungtechnopark.demo', contactPhone: '+62227564108', website: null, openingHours: week('08:00', '17:00'), offers: ['inkubasi', 'pelatihan sertifikasi', 'coworking', 'laboratorium iot'] },
	{ slug: 'cimahi-techno-park', name: 'Cimahi Techno Park', kind: 'technopark', timeZone: 'Asia/Jakarta', provinceCode: '32', regencyCode: '32.77', address: 'Jl. Baros, Kota Cimahi', description: 'Kawasan Sains dan Teknologi Kota Cimahi: wadah Penta Helix bagi startup animasi dan telematika, Authorized Training Center dan Center of Excellence.', contactEmail: 'ctp@cimahikota.demo', contactPhone: '+62226654321', website: null, openingHours: week('08:00', '16:00'), offers: ['inkubasi', 'animasi 2d', 'pelatihan sertifikasi', 'iot', 'pitching'] },
	{ slug: 'ibc-semarang', name: 'IBC Semarang', kind: 'growth_center', timeZone: 'Asia/Jakarta', provinceCode: '33', regencyCode: '33.74', address: 'Kota Semarang, Jawa Tengah', description: 'Pusat pertumbuhan telematika dan Digital Technopark Kemenperin di Semarang.', contactEmail: null, contactPhone: null, website: null, openingHours: week('08:00', '16:00'), offers: ['inkubasi', 'pendampingan', 'server'] },
	{ slug: 'bcic-bali', name: 'TohpaTI Centre / BCIC Bali', kind: 'creative_hub', timeZone: 'Asia/Makassar', provinceCode: '51', regencyCode: '51.71', address: 'Jl. WR Supratman, Tohpati, Denpasar', description: 'Bali Creative Industry Center: pusat pengembangan animasi Kemenperin dengan studio produksi dan render farm.', contactEmail: null, contactPhone: null, website: null, openingHours: week('08:00', '16:00'), offers: ['animasi', 'render farm', 'motion capture', 'pelatihan sertifikasi'] },
	{ slug: 'technopark-makassar', name: 'Technopark Makassar', kind: 'technopark', timeZone: 'Asia/Makassar', provinceCode: '73', regencyCode: '73.71', address: 'Kota Makassar, Sulawesi Selatan', description: 'Digital Technopark Kemenperin untuk kawasan timur Indonesia.', contactEmail: null, contactPhone: null, website: null, openingHours: week('08:00', '16:00'), offers: ['inkubasi', 'coworking'] },
	{ slug: 'pusat-desain-ponsel-batam', name: 'Pusat Desain Ponsel Batam', kind: 'growth_center', timeZone: 'Asia/Jakarta', provinceCode: '21', regencyCode: '21.71', address: 'Kota Batam, Kepulauan Riau', description: 'Digital Technopark Kemenperin dengan pusat desain ponsel dan perangkat keras.', contactEmail: null, contactPhone: null, website: null, openingHours: week('08:00', '17:00'), offers: ['desain perangkat keras', 'prototipe', 'printer 3d'] },
	{ slug: 'kek-singhasari', name: 'KEK Singhasari', kind: 'sez', timeZone: 'Asia/Jakarta', provinceCode: '35', regencyCode: '35.07', address: 'Kawasan Ekonomi Khusus Singhasari, Kabupaten Malang', description: 'KEK digital pertama di Indonesia dan Proyek Strategis Nasional: ekosistem pendidikan, pelatihan dan produksi digital dari hulu ke hilir.', contactEmail: null, contactPhone: null, website: null, openingHours: week('08:00', '17:00'), offers: ['investasi', 'talent development', 'collaborative research center ai'] },
	{ slug: 'coding-factory-singhasari', name: 'Coding Factory KEK Singhasari', kind: 'coding_factory', timeZone: 'Asia/Jakarta', provinceCode: '35', regencyCode: '35.07', address: 'Gedung Coding Factory, KEK Singhasari, Kabupaten Malang', description: 'Klaster teknologi digital tiga lantai: hall, ruang rapat dan communal space di lantai bawah, ruang produksi untuk 200–300 developer di lantai atas. Melayani klien BUMN, dinas, dan mancanegara (Malaysia, Singapura, Vietnam, Myanmar, Jepang).', contactEmail: 'codingfactory@singhasari.demo', contactPhone: null, website: null, openingHours: week('08:00', '20:00'), offers: ['hall', 'ruang rapat', 'ruang produksi', 'team incubation', 'internship'] },
	{ slug: 'animation-film-factory', name: 'Animation & Film Factory KEK Singhasari', kind: 'creative_hub', timeZone: 'Asia/Jakarta', provinceCode: '35', regencyCode: '35.07', address: 'KEK Singhasari, Kabupaten Malang', description: 'Lebih dari 20 studio kreatif dan 500 pekerja kreatif, termasuk animator.', contactEmail: null, contactPhone: null, website: null, openingHours: week('09:00', '21:00'), offers: ['studio animasi', 'studio film', 'render farm', 'motion capture'] }
];

type OrgSeed = { slug: string; name: string; kind: (typeof organization.$inferInsert)['kind']; description: string; tags?: string[]; kbli?: string[]; tenantOf?: string[]; website?: string };

export const demoOrgs: OrgSeed[] = [
	{ slug: 'kemenperin', name: 'Kementerian Perindustrian (Ditjen ILMATE)', kind: 'government', description: 'Membangun 14 pusat pertumbuhan telematika dan menginisiasi Virtual Technopark.', tags: ['pemerintah', 'technopark'] },
	{ slug: 'asioti', name: 'Asosiasi Internet of Things Indonesia (ASIOTI)', kind: 'association', description: 'Mitra MoU pengembangan Virtual Technopark.', tags: ['iot', 'mitra'] },
	{ slug: 'its', name: 'Institut Teknologi Sepuluh Nopember (ITS)', kind: 'university', description: 'Perguruan tinggi mitra MoU Virtual Technopark.', tags: ['akademisi', 'mitra'] },
	{ slug: 'indosat-ooredoo', name: 'Indosat Ooredoo', kind: 'company', description: 'Operator telekomunikasi, mitra MoU Virtual Technopark.', tags: ['telekomunikasi', 'mitra'] },
	{ slug: 'polytron', name: 'Polytron', kind: 'company', description: 'Produsen elektronik nasional, mitra MoU Virtual Technopark.', tags: ['elektronik', 'mitra'] },
	{ slug: 'universitas-brawijaya', name: 'Universitas Brawijaya', kind: 'university', description: 'Mitra Collaborative Research Center bidang AI dan Machine Learning di KEK Singhasari.', tags: ['ai', 'machine learning', 'akademisi'] },
	{ slug: 'kings-college-london', name: "King's College London", kind: 'university', description: 'Mitra MoU pengembangan SDM di KEK Singhasari.', tags: ['pendidikan', 'mitra'] },
	{ slug: 'toon-boom', name: 'Toon Boom', kind: 'company', description: 'Perusahaan perangkat lunak animasi 2D; pelatihan Training of Trainers bagi penggiat animasi Cimahi.', tags: ['animasi', 'pelatihan'] },
	{ slug: 'intel-indonesia', name: 'Intel Indonesia', kind: 'company', description: 'Kolaborasi program Internet of Things bersama tenant inkubasi Cimahi Techno Park.', tags: ['iot', 'mitra'] },
	{ slug: 'pemkot-cimahi', name: 'Pemerintah Kota Cimahi', kind: 'government', description: 'Pengelola Cimahi Techno Park dan penyusun Road Map Klaster Industri Digital Kreatif.', tags: ['pemerintah'] },
	{ slug: 'bappeda-kota-malang', name: 'Bappeda Kota Malang', kind: 'government', description: 'Road map ekonomi kreatif: Malang Bersinergi, Malang Berdaya, Malang Mendunia.', tags: ['pemerintah', 'ekonomi kreatif'] },
	{ slug: 'stasion-malang', name: 'Komunitas Startup Singoedan (Stasion)', kind: 'community', description: 'Komunitas lebih dari 100 startup di Malang.', tags: ['komunitas', 'startup'], tenantOf: [] },
	{ slug: 'indiekraf', name: 'Indiekraf Indonesia', kind: 'media', description: 'Media dan komunitas ekonomi kreatif dari Malang.', tags: ['media', 'ekonomi kreatif'] },
	{ slug: 'kek-singhasari-pengelola', name: 'Badan Usaha Pengelola KEK Singhasari', kind: 'company', description: 'Badan usaha pembangun dan pengelola KEK Singhasari.', tags: ['kek'] },
	{ slug: 'kumata-studio', name: 'Kumata Studio', kind: 'studio', description: 'Studio animasi, mitra kerja Pemerintah Kota Cimahi.', tags: ['animasi'], kbli: ['59112'], tenantOf: ['cimahi-techno-park'] },
	{ slug: 'ayena-studio', name: 'Ayena Studio', kind: 'studio', description: 'Tenant pilihan Cimahi Techno Park, tampil dalam pitching Industry Gathering.', tags: ['animasi', 'pitching'], kbli: ['59112'], tenantOf: ['cimahi-techno-park'] },
	{ slug: 'ledino', name: 'PT Ledino', kind: 'startup', description: 'Tenant pilihan Cimahi Techno Park.', tags: ['pitching'], tenantOf: ['cimahi-techno-park'] },
	{ slug: 'sekolahan-id', name: 'Sekolahan.id', kind: 'startup', description: 'Tenant inkubasi Cimahi Techno Park; pengembangan Internet of Things bersama Intel Indonesia.', tags: ['iot', 'edtech', 'inkubasi'], kbli: ['62019'], tenantOf: ['cimahi-techno-park'] },
	{ slug: 'kaaba-virtual', name: 'Kaába Virtual', kind: 'startup', description: 'Tenant pilihan Cimahi Techno Park (realitas virtual).', tags: ['vr'], tenantOf: ['cimahi-techno-park'] },
	{ slug: 'helpy-malindo-makmur', name: 'PT Helpy Malindo Makmur', kind: 'company', description: 'Tenant Cimahi Techno Park; pengembangan Smart City di Cimahi dan Kuching, Malaysia.', tags: ['smart city'], kbli: ['62019'], tenantOf: ['cimahi-techno-park'] },
	// Invented demo tenants, so every park has something to show.
	{ slug: 'arunika-animasi', name: 'Arunika Animasi', kind: 'studio', description: 'Studio animasi 3D untuk serial anak (demo).', tags: ['animasi', '3d'], kbli: ['59112'], tenantOf: ['animation-film-factory'] },
	{ slug: 'layar-singhasari', name: 'Layar Singhasari Films', kind: 'studio', description: 'Rumah produksi film pendek dan iklan (demo).', tags: ['film'], kbli: ['59111'], tenantOf: ['animation-film-factory'] },
	{ slug: 'kopi-kode', name: 'Kopi Kode', kind: 'startup', description: 'Software house layanan aplikasi untuk klien Jepang dan Singapura (demo).', tags: ['aplikasi', 'outsourcing'], kbli: ['62019'], tenantOf: ['coding-factory-singhasari'] },
	{ slug: 'arek-cloud', name: 'Arek Cloud', kind: 'startup', description: 'Layanan DevOps dan cloud terkelola untuk UMKM Jawa Timur (demo).', tags: ['cloud', 'devops'], kbli: ['62029'], tenantOf: ['coding-factory-singhasari'] },
	{ slug: 'kawi-games', name: 'Kawi Games', kind: 'startup', description: 'Studio game mobile bertema cerita rakyat Jawa Timur (demo).', tags: ['game', 'mobile'], kbli: ['58200'], tenantOf: ['coding-factory-singhasari'] },
	{ slug: 'tumpang-agritech', name: 'Tumpang Agritech', kind: 'startup', description: 'Pasar daring hasil tani Malang Raya langsung ke hotel dan restoran (demo).', tags: ['pertanian', 'marketplace'], kbli: ['47911'], tenantOf: ['coding-factory-singhasari'] },
	{ slug: 'singosari-data', name: 'Singosari Data Works', kind: 'startup', description: 'Dasbor dan analitik data untuk pemerintah daerah (demo).', tags: ['data', 'govtech'], kbli: ['62019'], tenantOf: ['coding-factory-singhasari'] },
	{ slug: 'brawijaya-ai-lab', name: 'Brawijaya AI Lab', kind: 'startup', description: 'Startup computer vision untuk pertanian dan pangan (demo).', tags: ['ai', 'pertanian'], kbli: ['62019'], tenantOf: ['coding-factory-singhasari'] },
	{ slug: 'gamelan-games', name: 'Gamelan Games', kind: 'studio', description: 'Studio game mobile bertema budaya Nusantara (demo).', tags: ['game'], kbli: ['58200'], tenantOf: ['coding-factory-singhasari'] },
	{ slug: 'lontara-digital', name: 'Lontara Digital', kind: 'startup', description: 'Platform UMKM kuliner Makassar (demo).', tags: ['umkm', 'kuliner'], kbli: ['62019'], tenantOf: ['technopark-makassar'] },
	{ slug: 'tani-pintar-semarang', name: 'Tani Pintar Semarang', kind: 'startup', description: 'Sensor IoT untuk irigasi sawah (demo).', tags: ['iot', 'pertanian'], kbli: ['26390'], tenantOf: ['ibc-semarang'] },
	{ slug: 'barong-motion', name: 'Barong Motion Studio', kind: 'studio', description: 'Studio motion capture dan animasi tari Bali (demo).', tags: ['motion capture', 'animasi'], kbli: ['59112'], tenantOf: ['bcic-bali'] },
	{ slug: 'bandung-iot-works', name: 'Bandung IoT Works', kind: 'startup', description: 'Perangkat rumah pintar buatan lokal (demo).', tags: ['iot', 'hardware'], kbli: ['26390'], tenantOf: ['bandung-technopark'] },
	{ slug: 'kepri-device-lab', name: 'Kepri Device Lab', kind: 'startup', description: 'Desain dan prototipe ponsel fitur untuk pasar lokal (demo).', tags: ['hardware', 'ponsel'], kbli: ['26320'], tenantOf: ['pusat-desain-ponsel-batam'] }
];

export async function seedDemo(): Promise<{ sites: number; organizations: number; accounts: number }> {
	const siteIds = new Map<string, string>();
	for (const s of demoSites) {
		const [existing] = await db().select({ id: site.id }).from(site).where(eq(site.slug, s.slug));
		siteIds.set(s.slug, existing?.id ?? (await createSite(system, s)).id);
	}
	const orgIds = new Map<string, string>();
	for (const o of demoOrgs) {
		const [row] = await db()
			.insert(organization)
			.values({ slug: o.slug, name: o.name, kind: o.kind, description: o.description, tags: o.tags ?? [], kbli: o.kbli ?? [], website: o.website ?? null })
			.onConflictDoUpdate({ target: organization.slug, set: { name: o.name } })
			.returning({ id: organization.id });
		orgIds.set(o.slug, row!.id);
		for (const siteSlug of o.tenantOf ?? []) {
			const siteId = siteIds.get(siteSlug)!;
			const [t] = await db().select({ id: tenancy.id }).from(tenancy).where(eq(tenancy.orgId, row!.id));
			if (!t) await db().insert(tenancy).values({ orgId: row!.id, siteId, startsOn: '2024-02-12', status: 'active' });
		}
	}
	const hash = await hashPassword(DEMO_PASSWORD);
	let accounts = 0;
	for (const a of demoAccounts) {
		const [existing] = await db().select({ id: user.id }).from(user).where(eq(user.email, a.email));
		const id = existing?.id ?? (await createVerifiedUser({ email: a.email, name: a.name, passwordHash: hash, admin: a.role === 'network_admin', publicProfile: a.role === 'mentor' || a.role === 'member', bio: a.note }));
		if (!existing) accounts++;
		if (a.site) await db().insert(siteRole).values({ userId: id, siteId: siteIds.get(a.site)!, role: a.role }).onConflictDoNothing();
	}
	// The member founded Sekolahan.id the mentor also mentors at Bandung Technopark.
	const member = await db().select({ id: user.id }).from(user).where(eq(user.email, 'anggota@taman.demo'));
	if (member[0]) {
		await db().insert(orgMember).values({ orgId: orgIds.get('sekolahan-id')!, userId: member[0].id, title: 'Founder & CEO', isAdmin: true }).onConflictDoNothing();
		// …and co-founded Kopi Kode, in the Coding Factory's team incubation.
		await db().insert(orgMember).values({ orgId: orgIds.get('kopi-kode')!, userId: member[0].id, title: 'Co-founder & COO', isAdmin: true }).onConflictDoNothing();
	}
	const mentor = await db().select({ id: user.id }).from(user).where(eq(user.email, 'mentor@taman.demo'));
	if (mentor[0]) {
		await db().insert(siteRole).values({ userId: mentor[0].id, siteId: siteIds.get('bandung-technopark')!, role: 'mentor' }).onConflictDoNothing();
		await db().insert(orgMember).values({ orgId: orgIds.get('kumata-studio')!, userId: mentor[0].id, title: 'Lead Animator' }).onConflictDoNothing();
		// …and supervises the render nights of Arunika Animasi at the Animation & Film Factory.
		await db().insert(siteRole).values({ userId: mentor[0].id, siteId: siteIds.get('animation-film-factory')!, role: 'member' }).onConflictDoNothing();
		await db().insert(orgMember).values({ orgId: orgIds.get('arunika-animasi')!, userId: mentor[0].id, title: 'Supervisor animasi (paruh waktu)' }).onConflictDoNothing();
	}
	await seedFacilities(siteIds, new Map(demoSites.map((s) => [s.slug, s.timeZone])));
	await seedIncubation(siteIds);
	await seedTraining(siteIds);
	await seedInduction(siteIds);
	return { sites: demoSites.length, organizations: demoOrgs.length, accounts };
}
