import { test, expect } from '@playwright/test';
import { signIn } from './helpers.ts';

test('a member joins a full class\'s waiting list and moves up when staff free a seat', async ({ page }) => {
	await page.goto('/training');
	const list = page.getByTestId('courses');
	await expect(list.getByRole('listitem').filter({ hasText: 'Toon Boom Harmony Essentials' })).toContainText('Cimahi Techno Park');
	await page.getByRole('searchbox').fill('intel');
	await page.getByRole('button', { name: 'Cari' }).click();
	await expect(list.getByRole('listitem')).toHaveCount(1);
	await list.getByRole('link', { name: 'Intel IoT Fundamentals' }).click();
	const kelas = page.getByTestId('classes').getByRole('listitem').filter({ hasText: 'Kelas Sabtu' });
	await expect(kelas).toContainText('4 dari 4 kursi terisi · 2 menunggu');
	await expect(kelas.getByRole('link', { name: 'Masuk untuk mendaftar' })).toBeVisible();

	await signIn(page, 'anggota@taman.demo');
	await page.goto('/sites/cimahi-techno-park/training/intel-iot-fundamentals');
	await kelas.getByRole('button', { name: 'Masuk daftar tunggu' }).click();
	await expect(kelas.getByRole('status')).toContainText('Status Anda: Daftar tunggu.');
	await expect(kelas).toContainText('Status Anda: daftar tunggu, urutan ke-3');

	// Staff take one seated participant off the class: the first in line gets the seat, the member moves up.
	await page.context().clearCookies();
	await signIn(page, 'staf.cimahi@taman.demo');
	await page.goto('/sites/cimahi-techno-park/training/intel-iot-fundamentals');
	await kelas.getByRole('link', { name: 'Peserta, presensi dan nilai' }).click();
	const rows = page.getByTestId('enrolments').getByRole('row');
	const first = rows.filter({ hasText: 'Daftar tunggu #1' });
	const next = (await first.getByRole('cell').first().textContent())!.replace(/\S+@\S+/, '').trim();
	await rows.filter({ hasText: 'Terdaftar' }).first().getByRole('button', { name: /Batalkan pendaftaran/ }).click();
	await page.getByRole('alertdialog').getByRole('button', { name: 'Batalkan pendaftaran' }).click();
	await expect(page.getByRole('status').first()).toContainText('Pendaftaran dibatalkan.');
	await expect(rows.filter({ hasText: next })).toContainText('Terdaftar');
	await page.goto('/dev/mail');
	await expect(page.getByTestId('mail').filter({ hasText: 'Ada kursi untuk Anda di Intel IoT Fundamentals' }).first()).toBeVisible();

	await page.context().clearCookies();
	await signIn(page, 'anggota@taman.demo');
	await page.goto('/training');
	await expect(page.getByTestId('my-enrolments')).toContainText('Intel IoT Fundamentals — Kelas Sabtu · Status Anda: daftar tunggu, urutan ke-2');
});

test('staff add a course and open a class; a restricted class\'s requests are approved or declined', async ({ page }) => {
	await signIn(page, 'staf.cimahi@taman.demo');
	await page.goto('/sites/cimahi-techno-park/training');
	await page.getByText('Pelatihan baru').click();
	await page.getByLabel('Judul pelatihan').fill('Toon Boom Storyboard Pro');
	await page.getByLabel('Slug (alamat URL)').fill('storyboard-pro');
	await page.getByLabel('Mitra penyelenggara (mis. Toon Boom)').fill('Toon Boom Animation');
	await page.getByLabel('Durasi (jam)').fill('12');
	await page.getByLabel('Biaya (Rp, 0 = gratis)').fill('750.000');
	await page.getByLabel('Keterampilan dan kompetensi (pisahkan dengan koma)').fill('Storyboard, Animatik');
	await page.getByRole('button', { name: 'Tambah pelatihan' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Toon Boom Storyboard Pro' })).toBeVisible();
	await expect(page.getByText('12 jam · Bahasa Indonesia · Rp750.000')).toBeVisible();

	await page.getByText('Buka kelas').first().click();
	await page.getByLabel('Nama kelas (mis. Angkatan 1)').fill('Angkatan Januari');
	await page.getByLabel('Jumlah kursi').fill('8');
	await page.getByLabel(/^Sesi, satu per baris/).fill('2027-01-11 09:00 12:00\n12 Januari pagi');
	await page.getByRole('button', { name: 'Buka kelas' }).click();
	await expect(page.getByText('Baris 2: tulis tanggal, jam mulai dan jam selesai')).toBeVisible();
	await page.getByLabel(/^Sesi, satu per baris/).fill('2027-01-11 09:00 12:00\n2027-01-12 09.00 12.00');
	await page.getByRole('checkbox', { name: 'Sri Wahyuni' }).check();
	await page.getByRole('button', { name: 'Buka kelas' }).click();
	const kelas = page.getByTestId('classes').getByRole('listitem').filter({ hasText: 'Angkatan Januari' });
	await expect(kelas).toContainText('0 dari 8 kursi terisi');
	await expect(kelas).toContainText('Pelatih: Sri Wahyuni');
	await expect(kelas).toContainText('11 Januari 2027, 09.00–12.00 WIB');

	// The training of trainers takes requests: one approved, one declined with its reason.
	await page.goto('/sites/cimahi-techno-park/training/toon-boom-harmony-essentials');
	await page.getByTestId('classes').getByRole('listitem').filter({ hasText: 'Training of Trainers' }).getByRole('link', { name: 'Peserta, presensi dan nilai' }).click();
	const pending = page.getByTestId('enrolments').getByRole('row').filter({ hasText: 'Menunggu persetujuan' });
	await expect(pending).toHaveCount(2);
	await pending.first().getByRole('button', { name: 'Setujui' }).click();
	await expect(page.getByRole('status').first()).toContainText('Keputusan tersimpan: Terdaftar.');
	const last = page.getByTestId('enrolments').getByRole('row').filter({ hasText: 'Menunggu persetujuan' });
	await last.getByRole('button', { name: 'Tolak' }).click();
	await expect(page.getByText('Wajib diisi.').first()).toBeVisible();
	await last.getByRole('textbox').fill('Khusus pelatih yang sudah lulus Harmony Essentials.');
	await last.getByRole('button', { name: 'Tolak' }).click();
	await expect(page.getByTestId('enrolments')).toContainText('Ditolak — Khusus pelatih yang sudah lulus Harmony Essentials.');
});

/** Today in WIB as `YYYY-MM-DD`, and a session line from an hour ago to an hour ahead (within the day). */
function runningSessionLine(): string {
	const wib = new Date(Date.now() + 7 * 3_600_000);
	const now = wib.getUTCHours() * 60 + wib.getUTCMinutes();
	const hm = (min: number) => `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;
	return `${wib.toISOString().slice(0, 10)} ${hm(Math.max(0, now - 60))} ${hm(Math.min(23 * 60 + 59, now + 60))}`;
}

test('staff set the assessment; a participant checks in by the session\'s QR code, is scored and completes', async ({ page, browser }) => {
	await signIn(page, 'staf.cimahi@taman.demo');
	await page.goto('/sites/cimahi-techno-park/training/toon-boom-harmony-essentials');
	await expect(page.getByTestId('rule')).toHaveText('Syarat lulus: kehadiran minimal 75% dan nilai akhir minimal 70.');
	await page.getByText('Atur penilaian dan syarat lulus').click();
	// A new component without a weight is refused, naming its row; nothing is saved.
	await page.getByLabel('Kehadiran minimal (%)').fill('100');
	await page.getByLabel('Jenis komponen 3').selectOption('practical');
	await page.getByLabel('Judul komponen 3').fill('Praktik rigging');
	await page.getByRole('button', { name: 'Simpan' }).click();
	await expect(page.getByText('Komponen 3: Terlalu kecil (minimal 1).')).toBeVisible();
	await expect(page.getByTestId('rule')).toHaveText('Syarat lulus: kehadiran minimal 75% dan nilai akhir minimal 70.');
	await expect(page.getByLabel('Judul komponen 3')).toHaveValue('Praktik rigging');
	await page.getByLabel('Bobot komponen 3').fill('20');
	await page.getByRole('button', { name: 'Simpan' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Penilaian disimpan.' })).toBeVisible();
	await expect(page.getByTestId('rule')).toHaveText('Syarat lulus: kehadiran minimal 100% dan nilai akhir minimal 70.');
	await expect(page.getByText('Praktik rigging (Praktik) — Bobot 20')).toBeVisible();

	// A class meeting right now.
	await page.getByText('Buka kelas').first().click();
	await page.getByLabel('Nama kelas (mis. Angkatan 1)').fill('Kelas Presensi QR');
	await page.getByLabel('Jumlah kursi').fill('5');
	await page.getByLabel(/^Sesi, satu per baris/).fill(runningSessionLine());
	await page.getByRole('button', { name: 'Buka kelas' }).click();
	const kelas = page.getByTestId('classes').getByRole('listitem').filter({ hasText: 'Kelas Presensi QR' });
	await expect(kelas).toContainText('Berlangsung');

	const member = await browser.newPage({ locale: 'id-ID' });
	await signIn(member, 'anggota@taman.demo');
	await member.goto('/sites/cimahi-techno-park/training/toon-boom-harmony-essentials');
	const mine = member.getByTestId('classes').getByRole('listitem').filter({ hasText: 'Kelas Presensi QR' });
	await mine.getByRole('button', { name: 'Daftar kelas ini' }).click();
	await expect(mine).toContainText('Status Anda: Terdaftar');
	await expect(mine.getByTestId('my-progress')).toHaveText('Kehadiran 0/1 (0%) · nilai — · Berlangsung');

	// The trainer's screen shows the session's QR code; the member opens its address and is marked present.
	await kelas.getByRole('link', { name: 'Peserta, presensi dan nilai' }).click();
	await page.getByTestId('sessions').getByRole('link', { name: 'Isi presensi' }).click();
	await expect(page.getByTestId('session-qr').locator('svg')).toBeVisible();
	const url = new URL((await page.getByTestId('qr-url').textContent())!);
	await member.goto(url.pathname + url.search);
	await expect(member.getByText('Toon Boom Harmony Essentials — Kelas Presensi QR')).toBeVisible();
	await member.getByRole('button', { name: 'Catat kehadiran saya' }).click();
	await expect(member.getByRole('status')).toHaveText('Kehadiran Anda tercatat.');
	// A wrong code is refused.
	await member.goto(url.pathname + '?code=salah');
	await member.getByRole('button', { name: 'Catat kehadiran saya' }).click();
	await expect(member.getByRole('alert')).toContainText('Kode QR ini tidak berlaku untuk sesi ini.');

	await page.reload();
	await expect(page.getByRole('checkbox', { name: /Putu Ayu Maharani/ })).toBeChecked();
	await expect(page.getByTestId('attendance')).toContainText('QR');

	// Scores: 80 (×30), 90 (×70), 85 (×20) → 86,67, completed.
	await page.getByRole('link', { name: '← Kelas Presensi QR' }).click();
	const scores = page.getByTestId('scores');
	await scores.getByLabel('Ujian teori Harmony: Putu Ayu Maharani').fill('120');
	await page.getByRole('button', { name: 'Simpan nilai' }).click();
	await expect(scores.getByText(/maksimal 100/)).toBeVisible();
	await scores.getByLabel('Ujian teori Harmony: Putu Ayu Maharani').fill('80');
	await scores.getByLabel('Proyek animasi pendek: Putu Ayu Maharani').fill('90');
	await scores.getByLabel('Praktik rigging: Putu Ayu Maharani').fill('85');
	await page.getByRole('button', { name: 'Simpan nilai' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Nilai disimpan.' })).toBeVisible();
	const row = scores.getByRole('row').filter({ hasText: 'Putu Ayu Maharani' });
	await expect(row).toContainText('1/1 (100%)');
	await expect(row).toContainText('86,67');
	await expect(row).toContainText('Lulus');

	await member.goto('/training');
	await expect(member.getByTestId('my-enrolments')).toContainText('Kehadiran 1/1 (100%) · nilai 86,67 · Lulus');

	// Completing issued her certificate: its page, which its QR code and link lead to, checks it live.
	await member.getByTestId('my-credentials').getByRole('link', { name: 'Toon Boom Harmony Essentials' }).click();
	await expect(member.getByText('Diberikan kepada Putu Ayu Maharani')).toBeVisible();
	await expect(member.getByTestId('verify-state')).toContainText('Sah');
	await expect(member.getByTestId('credential-qr').locator('svg')).toBeVisible();
	const link = (await member.getByTestId('credential-url').textContent())!;
	expect(link).toBe(member.url());
	const pdf = await member.request.get(`${member.url()}/pdf?lang=en`);
	expect(pdf.headers()['content-type']).toBe('application/pdf');
	const json = await (await member.request.get(`${member.url()}/json`)).text();

	// The achievement's id leads to the course, its image is the course's badge.
	const achievement = JSON.parse(json).credentialSubject.achievement;
	expect((await member.request.get(new URL(achievement.image.id).pathname)).headers()['content-type']).toBe('image/svg+xml');
	await member.goto(new URL(achievement.id).pathname);
	await expect(member).toHaveURL(/\/sites\/cimahi-techno-park\/training\/toon-boom-harmony-essentials$/);
	await member.goBack();

	// Anyone can paste it on the verify page; one changed letter makes it fail.
	const visitor = await browser.newPage({ locale: 'id-ID' });
	await visitor.goto('/verify');
	await visitor.getByLabel('Kredensial (JSON)').fill(json);
	await visitor.getByRole('button', { name: 'Periksa' }).click();
	await expect(visitor.getByTestId('verify-state')).toContainText('Sah');
	await visitor.getByLabel('Kredensial (JSON)').fill(json.replace('"Toon Boom Harmony Essentials"', '"Toon Boom Harmony Master"'));
	await visitor.getByRole('button', { name: 'Periksa' }).click();
	await expect(visitor.getByTestId('verify-state')).toContainText('Tidak sah: isi telah diubah');

	// Staff revoke it with a reason: the page, the pasted copy and the API say revoked.
	await page.goto(link);
	await page.getByLabel('Alasan pencabutan').fill('Nilai proyek dikoreksi');
	await page.getByRole('button', { name: 'Cabut sertifikat' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Sertifikat dicabut.' })).toBeVisible();
	await member.reload();
	await expect(member.getByTestId('verify-state')).toContainText('Dicabut');
	await expect(member.getByText(/Alasan: Nilai proyek dikoreksi/)).toBeVisible();
	await visitor.getByLabel('Kredensial (JSON)').fill(json);
	await visitor.getByRole('button', { name: 'Periksa' }).click();
	await expect(visitor.getByTestId('verify-state')).toContainText('Dicabut');
	const api = await visitor.request.post('/api/v1/credentials/verify', { data: JSON.parse(json) });
	expect((await api.json()).state).toBe('revoked');
	await visitor.close();
	await member.close();
});
