import type { Role } from '../auth/actor.ts';

// The demo accounts apart from the seed itself: the sign-in page and `taman start` show them
// without loading the demo network's code (bench/README.md, idle memory).

export const DEMO_PASSWORD = 'taman-demo-2026';

export const demoAccounts: { email: string; name: string; role: Role; site?: string; note: string }[] = [
	{ email: 'admin@taman.demo', name: 'Rahmat Hidayat', role: 'network_admin', note: 'Admin jaringan / network admin' },
	{ email: 'manajer.cimahi@taman.demo', name: 'Dewi Lestari Putri', role: 'site_manager', site: 'cimahi-techno-park', note: 'Manajer Cimahi Techno Park' },
	{ email: 'staf.cimahi@taman.demo', name: 'Agus Setiawan', role: 'site_staff', site: 'cimahi-techno-park', note: 'Staf Cimahi Techno Park' },
	{ email: 'staf.singhasari@taman.demo', name: 'Rina Kusumawardani', role: 'site_staff', site: 'coding-factory-singhasari', note: 'Staf Coding Factory KEK Singhasari' },
	{ email: 'mentor@taman.demo', name: 'Sri Wahyuni', role: 'mentor', site: 'cimahi-techno-park', note: 'Mentor animasi' },
	{ email: 'reviewer@taman.demo', name: 'Bambang Prasetyo', role: 'reviewer', site: 'coding-factory-singhasari', note: 'Reviewer inkubasi' },
	{ email: 'anggota@taman.demo', name: 'Putu Ayu Maharani', role: 'member', site: 'cimahi-techno-park', note: 'Founder startup (member)' },
	{ email: 'klien@taman.demo', name: 'Hiroshi Tanaka', role: 'client', site: 'coding-factory-singhasari', note: 'Client from Japan' }
];
