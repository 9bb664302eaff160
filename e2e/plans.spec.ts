import { test, expect } from '@playwright/test';
import { signIn } from './helpers.ts';

test('a site manager creates a plan and puts a tenant on it; the tenant reads its statement', async ({ page }) => {
	await signIn(page, 'manajer.cimahi@taman.demo');
	await page.goto('/sites/cimahi-techno-park/bookings');
	await page.getByRole('link', { name: 'Paket kuota' }).click();
	await expect(page.getByRole('heading', { name: 'Paket kuota fasilitas — Cimahi Techno Park' })).toBeVisible();

	const create = page.getByRole('region', { name: 'Buat paket' });
	await create.getByLabel('Nama', { exact: true }).fill('Pra-inkubasi Animasi');
	await create.getByLabel('Nama jatah').first().fill('Lab animasi');
	await create.getByLabel('Jam per bulan').first().fill('12');
	await create.getByText('Jenis fasilitas').first().click();
	await create.getByLabel('Studio animasi').first().check();
	await create.getByRole('button', { name: 'Buat paket' }).click();
	await expect(create.getByRole('status')).toContainText('Paket tersimpan.');
	const plan = page.getByTestId('plan').filter({ hasText: 'Pra-inkubasi Animasi' });
	await expect(plan).toContainText('Lab animasi: 12 jam/bulan · Studio animasi');

	await plan.locator('summary', { hasText: 'Tambahkan organisasi' }).click();
	await plan.getByLabel('Organisasi').selectOption({ label: 'Kumata Studio' });
	await plan.getByRole('button', { name: 'Tambahkan organisasi' }).click();
	await expect(plan.getByRole('status')).toContainText('Organisasi ditambahkan ke paket.');
	await expect(plan.getByRole('link', { name: 'Kumata Studio' })).toBeVisible();

	// The demo tenant's statement: the team meeting came off its meeting-room hours.
	await page.getByTestId('plan').filter({ hasText: 'Inkubasi Cimahi Tahap 1' }).getByRole('link', { name: 'Rekening bulan ini' }).click();
	await expect(page.getByRole('heading', { name: 'Rekening kuota Sekolahan.id — Cimahi Techno Park' })).toBeVisible();
});

test('a tenant member finds the statement on the organisation page; an outsider cannot read it', async ({ page }) => {
	await signIn(page, 'anggota@taman.demo');
	await page.goto('/organizations/sekolahan-id');
	await page.getByTestId('org-plans').getByRole('link', { name: /Inkubasi Cimahi Tahap 1/ }).click();
	await expect(page.getByTestId('allowances').getByRole('row', { name: /Ruang rapat & aula/ })).toContainText('40');
	// Find the month of the demo's team meeting and check its debit is in the ledger.
	const months = [0, 1].map((k) => new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() + k, 1)).toISOString().slice(0, 7));
	let found = false;
	for (const month of months) {
		await page.goto(`/organizations/sekolahan-id/statement?site=cimahi-techno-park&month=${month}`);
		if (await page.getByTestId('ledger').count()) {
			await expect(page.getByTestId('ledger')).toContainText('Ruang Rapat Baros');
			await expect(page.getByTestId('allowances').getByRole('row', { name: /Ruang rapat & aula/ })).toContainText('39');
			found = true;
			break;
		}
	}
	expect(found).toBe(true);

	await page.context().clearCookies();
	await signIn(page, 'klien@taman.demo');
	const res = await page.goto('/organizations/sekolahan-id/statement?site=cimahi-techno-park&month=2026-11');
	expect(res?.status()).toBe(403);
});

test('occupancy: a site manager sees their park, a network admin sees every park side by side', async ({ page }) => {
	await signIn(page, 'manajer.cimahi@taman.demo');
	await page.goto('/sites/cimahi-techno-park/bookings');
	await page.getByRole('link', { name: 'Okupansi' }).click();
	await expect(page.getByRole('heading', { name: 'Okupansi fasilitas — Cimahi Techno Park' })).toBeVisible();
	await expect(page.getByTestId('occupancy').getByRole('row', { name: /Lab Pelatihan Toon Boom/ })).toBeVisible();
	const csv = await page.request.get(`/api/v1/sites/cimahi-techno-park/occupancy?from=2026-11-01&to=2026-11-30&format=csv`);
	expect(csv.headers()['content-type']).toContain('text/csv');
	expect(await csv.text()).toContain('open_hours');
	expect((await page.goto('/reports/occupancy'))?.status()).toBe(403);

	await page.context().clearCookies();
	await signIn(page, 'admin@taman.demo');
	await page.getByRole('link', { name: 'Okupansi' }).first().click();
	await expect(page.getByRole('heading', { name: 'Okupansi fasilitas — Semua kawasan' })).toBeVisible();
	for (const park of ['Cimahi Techno Park', 'Coding Factory KEK Singhasari', 'TohpaTI Centre / BCIC Bali']) await expect(page.getByTestId('by-site')).toContainText(park);
});
