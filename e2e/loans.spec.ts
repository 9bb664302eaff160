import { test, expect } from '@playwright/test';
import { signIn } from './helpers.ts';

/** The smallest valid PNG: one transparent pixel. */
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

test('a staff member checks out a camera with a photo and checks it back in', async ({ page }) => {
	await signIn(page, 'staf.cimahi@taman.demo');
	await page.goto('/sites/cimahi-techno-park/bookings');
	await page.getByRole('link', { name: 'Peminjaman alat' }).click();
	await expect(page.getByRole('heading', { name: 'Peminjaman alat — Cimahi Techno Park' })).toBeVisible();
	// The demo's overdue VR kit stands out.
	const open = page.getByTestId('open-loans');
	await expect(open.getByRole('listitem').filter({ hasText: 'Kit VR Meta Quest 3' })).toContainText('Terlambat');

	const desk = page.getByRole('region', { name: 'Pinjamkan alat' });
	await desk.getByLabel('Alat').selectOption({ label: 'Kamera Sony FX3 (CTP-KM-03)' });
	await desk.getByLabel('Surel peminjam').fill('klien@taman.demo');
	await desk.getByLabel('Kondisi').selectOption('good');
	await desk.getByLabel('Catatan').fill('Dengan 2 baterai dan kartu memori');
	await desk.getByLabel(/^Foto/).setInputFiles({ name: 'kamera.png', mimeType: 'image/png', buffer: PIXEL });
	await desk.getByRole('button', { name: 'Pinjamkan' }).click();
	await expect(desk.getByRole('status')).toContainText('Kamera Sony FX3 dipinjamkan kepada');

	const loan = open.getByRole('listitem').filter({ hasText: 'Kamera Sony FX3' });
	await expect(loan).toContainText('Dengan 2 baterai dan kartu memori');
	const photo = await loan.getByRole('link', { name: 'Foto saat dipinjam' }).getAttribute('href');
	const res = await page.request.get(photo!);
	expect(res.headers()['content-type']).toBe('image/png');
	expect(Buffer.from(await res.body()).equals(PIXEL)).toBe(true);

	// The same camera cannot go out twice: it is no longer offered.
	await expect(desk.getByLabel('Alat').locator('option', { hasText: 'Kamera Sony FX3' })).toHaveCount(0);

	await loan.getByText('Terima kembali').first().click();
	await loan.getByLabel('Kondisi').selectOption('needs_repair');
	await loan.getByLabel('Catatan').fill('Tutup lensa hilang');
	await loan.getByRole('button', { name: 'Terima kembali' }).click();
	await expect(page.getByRole('status')).toContainText('Kamera Sony FX3 diterima kembali.');
	await expect(open).not.toContainText('Kamera Sony FX3');
	await expect(page.getByRole('row', { name: /Kamera Sony FX3/ }).first()).toContainText('Baik → Perlu perbaikan');

	// The item's page shows its condition and history; the report counts the loan; e-mails went out.
	await page.getByRole('row', { name: /Kamera Sony FX3/ }).first().getByRole('link', { name: 'Kamera Sony FX3' }).click();
	await expect(page.getByText('Kondisi: Perlu perbaikan')).toBeVisible();
	await page.goto('/sites/cimahi-techno-park/loans/report');
	await expect(page.getByTestId('utilisation').getByRole('row', { name: /Kamera Sony FX3/ })).toContainText('Perlu perbaikan');
	await page.goto('/dev/mail');
	await expect(page.getByTestId('mail').filter({ hasText: 'Sudah dikembalikan: Kamera Sony FX3' }).first()).toBeVisible({ timeout: 15_000 });
});

test('a member cannot open the loan desk, its report or its photos', async ({ page }) => {
	await signIn(page, 'anggota@taman.demo');
	expect((await page.goto('/sites/cimahi-techno-park/loans'))?.status()).toBe(403);
	expect((await page.goto('/sites/cimahi-techno-park/loans/report'))?.status()).toBe(403);
	// Their own overdue VR kit shows on "my bookings".
	await page.goto('/bookings');
	await expect(page.getByTestId('my-loans')).toContainText('Kit VR Meta Quest 3');
	await expect(page.getByTestId('my-loans')).toContainText('Terlambat');
});

test('staff grant and revoke a safety induction; an unknown e-mail is named', async ({ page }) => {
	await signIn(page, 'admin@taman.demo');
	await page.goto('/sites/bcic-bali/qualifications');
	const q = page.getByTestId('qualification').filter({ hasText: 'Induksi keselamatan motion capture' });
	await expect(q).toContainText('mentor@taman.demo');
	await q.getByLabel('Surel orang yang lulus').fill('tidak.ada@taman.demo');
	await q.getByRole('button', { name: 'Berikan' }).click();
	await expect(q.getByRole('alert')).toContainText('Tidak ada akun dengan surel tersebut.');
	await q.getByLabel('Surel orang yang lulus').fill('anggota@taman.demo');
	await q.getByRole('button', { name: 'Berikan' }).click();
	await expect(q).toContainText('anggota@taman.demo');
	await q.getByRole('listitem').filter({ hasText: 'anggota@taman.demo' }).getByRole('button', { name: 'Cabut' }).click();
	await expect(q).not.toContainText('anggota@taman.demo');
	await expect(q).toContainText('mentor@taman.demo');

	await page.context().clearCookies();
	await signIn(page, 'anggota@taman.demo');
	expect((await page.goto('/sites/bcic-bali/qualifications'))?.status()).toBe(403);
});
