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
	await page.getByRole('link', { name: /Tahap 2: Wawancara & pitching/ }).click();
	const row = page.getByTestId('ranking').getByRole('row').filter({ hasText: startup });
	await expect(row).toContainText('Bambang Prasetyo: 85');
	await row.getByRole('checkbox').check();
	await page.getByLabel('Pindahkan yang dipilih ke').last().selectOption('accepted');
	await page.getByRole('button', { name: 'Pindahkan', exact: true }).last().click();
	await expect(page.getByRole('status')).toContainText('1 lamaran dipindahkan.');
	await expect(page.getByTestId('ranking')).not.toContainText(startup);
	await page.goto('/sites/cimahi-techno-park/tenants');
	await expect(page.getByText(startup).first()).toBeVisible();
	// The programme page announces its cohort.
	await page.goto(programme);
	await expect(page.getByTestId('cohort')).toContainText(startup);
});
