import { test, expect } from '@playwright/test';
import { signIn } from './helpers.ts';

test('a visitor finds the open incubation call; staff create a programme and open its call', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByTestId('open-calls')).toContainText('Inkubasi Startup Digital Cimahi');
	await page.getByRole('link', { name: 'Program', exact: true }).first().click();
	const list = page.getByTestId('programmes');
	const cimahi = list.getByRole('listitem').filter({ hasText: 'Inkubasi Startup Digital Cimahi' });
	await expect(cimahi).toContainText('Pendaftaran dibuka');
	await expect(cimahi).toContainText('Cimahi Techno Park');
	await cimahi.getByRole('link').click();
	await expect(page.getByRole('heading', { name: /Inkubasi Startup Digital Cimahi/ })).toBeVisible();
	await expect(page.getByTestId('calls')).toContainText('Gelombang 1');
	await expect(page.getByText('Termasuk paket fasilitas: Inkubasi Cimahi Tahap 1')).toBeVisible();
	// Visitors do not get the staff's form.
	await expect(page.getByRole('form', { name: 'Buka panggilan pendaftaran' })).toHaveCount(0);

	await signIn(page, 'staf.cimahi@taman.demo');
	await page.goto('/sites/cimahi-techno-park/programmes');
	await page.getByText('Program baru').click();
	await page.getByLabel('Nama', { exact: true }).fill('Pra-inkubasi Game Developer');
	await page.getByLabel('Slug (alamat URL)').fill('pra-inkubasi-game');
	await page.getByLabel('Jenis', { exact: true }).selectOption('pre_incubation');
	await page.getByLabel('Mulai').fill('2027-03-01');
	await page.getByLabel('Selesai').fill('2027-02-01');
	await page.getByRole('button', { name: 'Buat program' }).click();
	await expect(page.getByText('Tanggal akhir harus setelah tanggal mulai').or(page.getByRole('alert')).first()).toBeVisible();
	await page.getByLabel('Selesai').fill('2027-04-30');
	await page.getByRole('button', { name: 'Buat program' }).click();
	await expect(page.getByRole('heading', { name: 'Pra-inkubasi Game Developer' })).toBeVisible();

	const form = page.getByRole('form', { name: 'Buka panggilan pendaftaran' });
	await form.getByLabel('Judul (mis. Gelombang 1)').fill('Bootcamp Maret');
	// Opened yesterday (in Jakarta), so it is open whatever the time of day.
	const yesterday = new Date(Date.now() + 7 * 3600_000 - 86_400_000).toISOString().slice(0, 10);
	await form.getByLabel('Dibuka (WIB)').fill(yesterday);
	await form.getByLabel('Ditutup (WIB)').fill('2027-02-15');
	await form.getByRole('button', { name: 'Buka panggilan pendaftaran' }).click();
	await expect(form.getByRole('status')).toContainText('Panggilan pendaftaran dibuka.');
	await expect(page.getByTestId('calls')).toContainText('Bootcamp Maret');
	await expect(page.getByTestId('calls')).toContainText('Pendaftaran dibuka');

	// The programme takes more startups; the call is extended by two weeks.
	await page.getByRole('link', { name: 'Ubah', exact: true }).click();
	await page.getByLabel('Kapasitas', { exact: true }).fill('25');
	await page.getByRole('button', { name: 'Simpan' }).click();
	await expect(page.getByText('Kuota 25 startup')).toBeVisible();
	const call = page.getByTestId('calls').getByRole('listitem').filter({ hasText: 'Bootcamp Maret' });
	await call.getByText('Ubah jadwal').click();
	await call.getByLabel('Ditutup (WIB)').fill('2027-03-01');
	await call.getByRole('button', { name: 'Simpan' }).click();
	await expect(call).toContainText('Ditutup 1 Maret 2027, 23.59 WIB');
});

test('the network runs a programme of its own: network admins create it, park staff only read it', async ({ page }) => {
	await page.goto('/programmes');
	await expect(page.getByTestId('programmes').getByRole('listitem').filter({ hasText: 'Akselerasi Startup Industri 4.0' })).toContainText('Virtual Technopark Indonesia');

	// A park's staff see the network's programmes but cannot add one.
	await signIn(page, 'staf.cimahi@taman.demo');
	await page.goto('/sites/jaringan/programmes');
	await expect(page.getByRole('heading', { level: 1, name: 'Program di Virtual Technopark Indonesia' })).toBeVisible();
	await expect(page.getByText('Program baru')).toHaveCount(0);

	await page.context().clearCookies();
	await signIn(page, 'admin@taman.demo');
	await page.goto('/programmes');
	await page.getByRole('link', { name: /Program jaringan: lihat dan buat program nasional/ }).click();
	await expect(page.getByText('Program jaringan dikelola admin jaringan')).toBeVisible();
	await page.getByText('Program baru').click();
	// Plans belong to a park: a network programme offers none.
	await expect(page.getByLabel('Paket fasilitas untuk startup peserta')).toHaveCount(0);
	await page.getByLabel('Nama', { exact: true }).fill('Pra-inkubasi Talenta Digital Nasional');
	await page.getByLabel('Slug (alamat URL)').fill('pra-inkubasi-nasional');
	await page.getByLabel('Jenis', { exact: true }).selectOption('pre_incubation');
	await page.getByLabel('Mulai').fill('2027-05-01');
	await page.getByLabel('Selesai').fill('2027-06-30');
	await page.getByRole('button', { name: 'Buat program' }).click();
	await expect(page.getByRole('heading', { name: 'Pra-inkubasi Talenta Digital Nasional' })).toBeVisible();
	await expect(page).toHaveURL(/\/sites\/jaringan\/programmes\/pra-inkubasi-nasional$/);

	// Its calls keep Jakarta time.
	const form = page.getByRole('form', { name: 'Buka panggilan pendaftaran' });
	await form.getByLabel('Judul (mis. Gelombang 1)').fill('Gelombang Nasional');
	const yesterday = new Date(Date.now() + 7 * 3600_000 - 86_400_000).toISOString().slice(0, 10);
	await form.getByLabel('Dibuka (WIB)').fill(yesterday);
	await form.getByLabel('Ditutup (WIB)').fill('2027-03-31');
	await form.getByRole('button', { name: 'Buka panggilan pendaftaran' }).click();
	await expect(page.getByTestId('calls')).toContainText('Pendaftaran dibuka');
	await page.goto('/');
	await expect(page.getByTestId('open-calls')).toContainText('Pra-inkubasi Talenta Digital Nasional');
});
