import { test, expect } from '@playwright/test';
import { signIn } from './helpers.ts';

const programme = `/sites/cimahi-techno-park/programmes/inkubasi-startup-digital-${new Date().getFullYear() + 1}`;
/** The smallest file that is a PDF by its first bytes. */
const pdf = { name: 'pitch-deck-sekolahan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') };

test('staff add a conditional question; a founder applies, is told what is missing, and submits', async ({ page }) => {
	// Staff: users active, asked only of startups with an MVP. Thirty applications exist, so this is version 2.
	await signIn(page, 'staf.cimahi@taman.demo');
	await page.goto(programme);
	await expect(page.getByRole('link', { name: /Lamaran \(26 terkirim, 4 draf\)/ })).toBeVisible();
	await page.getByRole('link', { name: 'Formulir pendaftaran' }).first().click();
	const first = page.getByTestId('section').first();
	await first.getByRole('button', { name: 'Tambah pertanyaan' }).click();
	const q = first.getByTestId('question').last();
	await q.getByLabel('Pertanyaan (Bahasa Indonesia)').fill('Jumlah pengguna aktif bulanan');
	await q.getByLabel('Pertanyaan (English)').fill('Monthly active users');
	await q.getByLabel('Jenis jawaban').selectOption('number');
	await q.getByLabel('Kunci').fill('mau');
	await q.getByLabel('Wajib dijawab').check();
	await q.getByLabel('Tampilkan hanya jika').selectOption('stage');
	await q.getByLabel('MVP').check();
	await page.getByRole('button', { name: 'Simpan formulir' }).click();
	await expect(page.getByRole('status')).toContainText('Formulir disimpan sebagai versi 2.');

	// A founder applies on behalf of her startup.
	await page.context().clearCookies();
	await signIn(page, 'anggota@taman.demo');
	await page.goto(programme);
	await page.getByRole('button', { name: 'Daftar sekarang' }).click();
	await expect(page).toHaveURL(/\/applications\/[0-9a-f-]{36}$/);
	await expect(page.getByLabel('Mendaftar atas nama')).toHaveValue(/[0-9a-f-]{36}/);
	// She co-founded Kopi Kode too; this application is Sekolahan.id's.
	await page.getByLabel('Mendaftar atas nama').selectOption({ label: 'Sekolahan.id' });
	await page.getByLabel('Ringkasan produk dan masalah yang diselesaikan').fill('Platform belajar Internet of Things untuk SMK, dengan kit dari mitra industri.');
	// The conditional question appears only for an MVP.
	const mau = page.getByLabel('Jumlah pengguna aktif bulanan');
	await expect(mau).toBeHidden();
	await page.getByText('MVP', { exact: true }).click();
	await expect(mau).toBeVisible();
	await page.getByRole('button', { name: 'Simpan draf' }).click();
	await expect(page.getByText('Draf disimpan.')).toBeVisible();

	// Submitting names what is missing, field by field.
	await page.getByRole('button', { name: 'Kirim lamaran' }).click();
	await expect(page.getByRole('alert').first()).toContainText('Lamaran belum lengkap');
	await expect(page.getByText('Wajib diisi.')).toHaveCount(7);

	await mau.fill('1200');
	await page.getByLabel('Kode KBLI 2020').fill('62019');
	await page.getByLabel('Subsektor ekonomi kreatif').selectOption('app');
	await page.getByLabel('Provinsi').selectOption('32');
	await page.getByLabel('Kabupaten/kota').selectOption('32.77');
	await page.getByLabel('Nama 1').fill('Putu Ayu Maharani');
	await page.getByLabel('Peran 1').fill('CEO');
	await page.getByRole('button', { name: 'Tambah anggota' }).click();
	await page.getByLabel('Nama 2').fill('Made Wirawan');
	await page.getByLabel('Peran 2').fill('CTO');
	// A web page renamed to .pdf is refused.
	await page.getByLabel('Pitch deck (PDF)').setInputFiles({ name: 'deck.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<!doctype html><title>x</title>') });
	await page.getByRole('button', { name: 'Kirim lamaran' }).click();
	await expect(page.getByText('Berkas harus berupa PDF.')).toBeVisible();
	await page.getByLabel('Pitch deck (PDF)').setInputFiles(pdf);
	await page.getByRole('button', { name: 'Kirim lamaran' }).click();
	await expect(page.getByTestId('status')).toHaveText('Terkirim');
	await expect(page.getByText(/Lamaran dikirim .* Konfirmasi telah dikirim/)).toBeVisible();
	await expect(page.getByText('Made Wirawan — CTO')).toBeVisible();
	await expect(page.getByRole('link', { name: 'pitch-deck-sekolahan.pdf' })).toBeVisible();
	await page.getByRole('link', { name: 'Lamaran saya' }).first().click();
	await expect(page.getByTestId('my-applications')).toContainText('Terkirim');

	// Staff find it among the call's applications.
	await page.context().clearCookies();
	await signIn(page, 'staf.cimahi@taman.demo');
	await page.goto(programme);
	await page.getByRole('link', { name: /Lamaran \(27 terkirim/ }).click();
	await page.getByLabel('Cari').fill('Sekolahan');
	await page.getByRole('button', { name: 'Cari' }).click();
	await expect(page.getByTestId('applications').getByRole('row')).toHaveCount(2);
	await expect(page.getByTestId('applications')).toContainText('Kota Cimahi');
});
