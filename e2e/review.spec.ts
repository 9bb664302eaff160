import { test, expect } from '@playwright/test';
import { signIn } from './helpers.ts';

const programme = `/sites/cimahi-techno-park/programmes/inkubasi-startup-digital-${new Date().getFullYear() + 1}`;

test('a reviewer scores an application with the rubric; staff rank and decide', async ({ page }) => {
	await signIn(page, 'reviewer@taman.demo');
	await page.getByRole('link', { name: 'Penilaian', exact: true }).first().click();
	const todo = page.getByTestId('my-reviews').getByRole('listitem').filter({ hasText: 'Belum dinilai' }).first();
	const startup = (await todo.getByRole('link').textContent())!.trim();
	await todo.getByRole('link').click();
	await expect(page).toHaveURL(/\/reviews\/[0-9a-f-]{36}$/);
	await expect(page.getByRole('heading', { level: 1, name: startup })).toBeVisible();
	await expect(page.getByText(/Gelombang 1 · Wawancara & pitching/)).toBeVisible();

	// Out of scale: nothing is sent.
	await page.getByLabel(/Inovasi dan keunikan produk/).fill('6');
	await page.getByLabel(/Potensi pasar/).fill('4');
	await page.getByLabel(/Kesiapan tim/).fill('4');
	await page.getByLabel(/Dampak bagi ekonomi digital/).fill('3');
	await page.getByRole('button', { name: 'Kirim penilaian' }).click();
	// The browser holds the form back (the service refuses the same, tested on its own).
	expect(await page.getByLabel(/Inovasi dan keunikan produk/).evaluate((e: HTMLInputElement) => e.validity.rangeOverflow)).toBe(true);
	await expect(page.getByRole('status')).toHaveCount(0);

	// 100 × (3×5/5 + 2×4/5 + 2×4/5 + 1×3/5) / 8 = 100 × 6,8 / 8 = 85
	await page.getByLabel(/Inovasi dan keunikan produk/).fill('5');
	await page.getByLabel('Catatan penilai').fill('Demo produk meyakinkan; tim menjawab pertanyaan pasar dengan data.');
	await page.getByRole('button', { name: 'Kirim penilaian' }).click();
	await expect(page.getByRole('status')).toContainText('Total tertimbang: 85.');
	await page.getByRole('link', { name: '← Penilaian saya' }).click();
	await expect(page.getByTestId('my-reviews').getByRole('listitem').filter({ hasText: startup })).toContainText('Sudah dinilai: 85');

	// Staff see the review in the pitching stage's ranking and accept the startup into the cohort.
	await page.context().clearCookies();
	await signIn(page, 'staf.cimahi@taman.demo');
	await page.goto(programme);
	await page.getByRole('link', { name: 'Seleksi' }).first().click();
	// The acceptance e-mail in their own words: an unknown mark is named, the preview fills the rest.
	await page.getByRole('link', { name: 'E-mail keputusan' }).click();
	const accepted = page.getByTestId('template-accepted');
	await expect(accepted.getByRole('textbox', { name: 'Isi' }).first()).toHaveValue(/Orientasi tenant diadakan/); // the demo's own wording
	await accepted.getByRole('textbox', { name: 'Subjek' }).first().fill('Selamat, {startup} masuk {programme}!');
	await accepted.getByRole('textbox', { name: 'Isi' }).first().fill('Halo {name},\n\n{startup} diterima. Nilai Anda: {nilai}.\n\nTim {site}');
	await page.getByRole('button', { name: 'Simpan' }).click();
	await expect(accepted.getByText('Tanda {nilai} tidak dikenal.')).toBeVisible();
	await accepted.getByRole('textbox', { name: 'Isi' }).first().fill('Halo {name},\n\n{startup} diterima. Orientasi tenant dimulai 1 Februari di Gedung Technopark.\n\nTim {site}');
	await accepted.getByText('Pratinjau').first().click();
	await expect(page.getByTestId('preview-accepted-id')).toContainText('Halo Agus Setiawan,');
	await expect(page.getByTestId('preview-accepted-id')).toContainText('Startup Contoh diterima.');
	await page.getByRole('button', { name: 'Simpan' }).click();
	await expect(page.getByRole('status')).toContainText('E-mail keputusan tersimpan.');
	await expect(accepted.getByText('Teks sendiri')).toHaveCount(2); // this one and the demo's English wording
	await page.getByRole('link', { name: /← Seleksi/ }).click();

	await page.getByRole('link', { name: /Tahap 2: Wawancara & pitching/ }).click();
	const row = page.getByTestId('ranking').getByRole('row').filter({ hasText: startup });
	await expect(row).toContainText('Bambang Prasetyo: 85');
	await row.getByRole('checkbox').check();
	await page.getByLabel('Pindahkan yang dipilih ke').last().selectOption('accepted');
	await page.getByRole('button', { name: 'Pindahkan', exact: true }).last().click();
	await expect(page.getByRole('status')).toContainText('1 lamaran dipindahkan.');
	await expect(page.getByTestId('ranking')).not.toContainText(startup);
	await page.goto('/dev/mail');
	await expect(page.getByTestId('mail').filter({ hasText: `Selamat, ${startup} masuk Inkubasi Startup Digital` }).first()).toContainText('Orientasi tenant dimulai 1 Februari');
	await page.goto('/sites/cimahi-techno-park/tenants');
	await expect(page.getByText(startup).first()).toBeVisible();
	// The programme page announces its cohort.
	await page.goto(programme);
	await expect(page.getByTestId('cohort')).toContainText(startup);
});

test('staff add a stage and change it; a reviewer is taken off what they have not scored', async ({ page }) => {
	await signIn(page, 'staf.cimahi@taman.demo');
	await page.goto(programme);
	await page.getByRole('link', { name: 'Seleksi' }).first().click();

	// A new stage, then its rubric corrected: a zero weight is named and nothing is saved.
	await page.getByText('Tahap baru').click();
	await page.locator('#new-name').fill('Kurasi akhir');
	await page.getByRole('button', { name: 'Tambah tahap' }).click();
	await page.getByRole('link', { name: /Tahap 3: Kurasi akhir/ }).click();
	await page.getByText('Ubah tahap ini').click();
	await page.locator('#edit-name').fill('Kurasi dewan juri');
	await page.locator('#edit-criteria').fill('Inovasi; 0; 5\nDampak; 1; 10');
	await page.getByRole('button', { name: 'Simpan' }).click();
	await expect(page.getByText('Terlalu kecil (minimal 1).')).toBeVisible();
	await expect(page.getByRole('link', { name: /Tahap 3: Kurasi akhir/ })).toBeVisible();
	await page.locator('#edit-criteria').fill('Inovasi; 2; 5\nDampak; 1; 10');
	await page.getByRole('button', { name: 'Simpan' }).click();
	await expect(page.getByRole('status')).toContainText('Tahap "Kurasi dewan juri" tersimpan.');
	await expect(page.getByRole('heading', { name: 'Tahap 3: Kurasi dewan juri' })).toBeVisible();
	await expect(page.getByText('Inovasi (×2, 0–5) · Dampak (×1, 0–10)')).toBeVisible();

	// The pitching stage has scores: its rubric is shown but cannot change.
	await page.getByRole('link', { name: /Tahap 2: Wawancara & pitching/ }).click();
	await page.getByText('Ubah tahap ini').click();
	await expect(page.getByTestId('rubric-locked')).toContainText('tidak dapat diubah');

	// Bambang is taken off a review he has not scored; his colleague's submitted review of it stays.
	const ranking = page.getByTestId('ranking');
	const row = ranking.getByRole('row').filter({ hasText: 'Bambang Prasetyo: …' }).first();
	const startup = (await row.getByRole('link').textContent())!.trim();
	const mine = ranking.getByRole('row').filter({ hasText: startup });
	const colleague = (await mine.getByRole('cell').nth(3).locator('div').filter({ hasNotText: 'Bambang' }).first().textContent())!.split(':')[0]!.trim();
	await row.getByRole('checkbox').check();
	await page.getByRole('combobox', { name: /^Penilai/ }).selectOption({ label: 'Bambang Prasetyo' });
	await page.getByRole('button', { name: 'Lepaskan penilai ini dari yang dipilih' }).click();
	await expect(page.getByRole('status')).toContainText('1 penugasan dilepas.');
	await expect(mine).not.toContainText('Bambang Prasetyo');
	await mine.getByRole('checkbox').check();
	await page.getByRole('combobox', { name: /^Penilai/ }).selectOption({ label: colleague });
	await page.getByRole('button', { name: 'Lepaskan penilai ini dari yang dipilih' }).click();
	await expect(page.getByRole('status')).toContainText('0 penugasan dilepas; 1 tetap karena penilaiannya sudah dikirim.');
	await expect(mine).toContainText(new RegExp(`${colleague}: \\d`));
});
