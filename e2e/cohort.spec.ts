import { test, expect } from '@playwright/test';
import { signIn } from './helpers.ts';

// The demo's team incubation began on the 5th, four months ago.
const now = new Date();
const year = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 4, 5)).getUTCFullYear();
const programme = `/sites/coding-factory-singhasari/programmes/team-incubation-${year}`;

test('a startup evidences a milestone and reports its KPIs; staff sign off and see the cohort', async ({ page }) => {
	await signIn(page, 'anggota@taman.demo');
	await page.goto('/applications');
	await page.getByTestId('my-cohorts').getByRole('link', { name: /Kopi Kode — Team Incubation/ }).click();
	await expect(page).toHaveURL(new RegExp(`${programme}/cohort/kopi-kode$`));
	await expect(page.getByRole('heading', { level: 1, name: 'Kopi Kode' })).toBeVisible();

	const funding = page.getByTestId('milestone').filter({ hasText: 'Siap pendanaan' });
	await expect(funding).toContainText('Berjalan');
	// Sign-off needs evidence first.
	await funding.getByRole('button', { name: 'Ajukan untuk persetujuan' }).click();
	await expect(funding.getByRole('alert')).toContainText('Tambahkan setidaknya satu bukti');
	await funding.locator('summary', { hasText: 'Tambah bukti' }).click();
	await funding.getByLabel('Nama tautan').fill('Dek investor');
	await funding.getByLabel('Alamat (URL)').fill('https://drive.example.id/kopi-kode/dek-investor');
	await funding.getByRole('button', { name: 'Tambah bukti' }).click();
	await expect(funding.getByRole('link', { name: 'Dek investor' })).toBeVisible();
	await funding.getByLabel('Catatan untuk pengelola').fill('Dek dan model keuangan siap untuk demo day.');
	await funding.getByRole('button', { name: 'Ajukan untuk persetujuan' }).click();
	await expect(funding).toContainText('Menunggu persetujuan');

	// Correct the latest KPI report: the new revenue shows in Rupiah.
	const latest = page.getByTestId('kpi-periods').getByRole('listitem').first();
	await latest.locator('summary').click();
	await latest.getByLabel(/Pendapatan \(Rp\)/).fill('61500000');
	await latest.getByRole('button', { name: 'Kirim laporan' }).click();
	await expect(latest).toContainText('Rp61.500.000');
	await expect(page.getByTestId('trends').getByRole('figure')).toHaveCount(6);

	await page.context().clearCookies();
	await signIn(page, 'staf.singhasari@taman.demo');
	await page.goto(`${programme}/cohort`);
	await expect(page.getByTestId('cohort-table').getByRole('row')).toHaveCount(7);
	await page.getByRole('link', { name: 'Kopi Kode' }).click();
	const waiting = page.getByTestId('milestone').filter({ hasText: 'Siap pendanaan' });
	await waiting.getByLabel('Komentar untuk startup').fill('Siap tampil di demo day.');
	await waiting.getByRole('button', { name: 'Setujui' }).click();
	await expect(waiting).toContainText('Disetujui');
	await expect(waiting).toContainText('Ditinjau oleh Rina Kusumawardani');

	await page.goto(`${programme}/kpi`);
	await expect(page.getByTestId('kpi-grid').locator('tbody tr')).toHaveCount(6);
	await expect(page.getByTestId('kpi-grid')).toContainText('Tumpang Agritech');
	await expect(page.getByTestId('kpi-charts').getByRole('figure').first()).toContainText('Kelengkapan laporan');
});
