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
	await create.getByLabel('Jumlah per bulan').first().fill('12');
	await create.getByText('Jenis fasilitas').first().click();
	await create.getByLabel('Studio animasi').first().check();
	// A second allowance counted in credits: a fraction of a credit is refused and named.
	await create.getByLabel('Nama jatah').nth(1).fill('Kamera & VR');
	await create.getByLabel('Jumlah per bulan').nth(1).fill('50,5');
	await create.getByLabel('Satuan').nth(1).selectOption({ label: 'Kredit' });
	await create.getByText('Jenis fasilitas').nth(1).click();
	await create.getByLabel('Perangkat VR').nth(1).check();
	await create.getByRole('button', { name: 'Buat paket' }).click();
	await expect(create.getByText('Kredit per bulan harus bilangan bulat dari 1 sampai 1.000.000.')).toBeVisible();
	await create.getByLabel('Jumlah per bulan').nth(1).fill('50');
	await create.getByRole('button', { name: 'Buat paket' }).click();
	await expect(create.getByRole('status')).toContainText('Paket tersimpan.');
	const plan = page.getByTestId('plan').filter({ hasText: 'Pra-inkubasi Animasi' });
	await expect(plan).toContainText('Lab animasi: 12 jam/bulan · Studio animasi');
	await expect(plan).toContainText('Kamera & VR: 50 kredit/bulan · Perangkat VR');

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

test('a studio books a render node for itself: the credits come off its allowance and show on its statement', async ({ page }) => {
	await signIn(page, 'mentor@taman.demo');
	await page.goto('/sites/animation-film-factory/facilities');
	await page.getByTestId('resources').getByRole('link', { name: 'Render Node GPU 01' }).click();
	await expect(page.getByTestId('credits-rate')).toContainText('Biaya: 2 kredit per jam');
	const left = async () => Number((await page.getByTestId('allowances').textContent())!.match(/Arunika Animasi: sisa (\d+) dari 120 kredit "Render farm"/)![1]);
	const before = await left();
	// Tomorrow in the park's zone; the form shows this month's credits, so they move only when
	// tomorrow is in the same month.
	const local = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(d);
	const day = local(new Date(Date.now() + 86_400_000));
	const sameMonth = day.slice(0, 7) === local(new Date()).slice(0, 7);
	await page.getByLabel('Tanggal').fill(day);
	await page.getByLabel('Dari').fill('10:00');
	await page.getByLabel('Sampai').fill('11:00');
	await page.getByLabel('Atas nama organisasi').selectOption({ label: 'Arunika Animasi' });
	await page.getByRole('button', { name: 'Pesan', exact: true }).click();
	await expect(page.getByRole('status')).toContainText('Pemesanan tersimpan: 1 jadwal.');
	if (sameMonth) expect(await left()).toBe(before - 2);
	await page.goto(`/organizations/arunika-animasi/statement?site=animation-film-factory&month=${day.slice(0, 7)}`);
	await expect(page.getByTestId('ledger').getByRole('row', { name: /10\.00 WIB–11\.00/ })).toContainText('2 kredit');
	if (sameMonth) await expect(page.getByTestId('allowances').getByRole('row', { name: /Render farm/ })).toContainText(`${before - 2} kredit`);
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
