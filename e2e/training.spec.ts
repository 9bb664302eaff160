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
	await kelas.getByRole('link', { name: 'Peserta dan permintaan' }).click();
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
	await page.getByTestId('classes').getByRole('listitem').filter({ hasText: 'Training of Trainers' }).getByRole('link', { name: 'Peserta dan permintaan' }).click();
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
