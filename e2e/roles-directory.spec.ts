import { test, expect } from '@playwright/test';
import { signIn, DEMO_PASSWORD } from './helpers.ts';

test('a site manager invites a mentor, who accepts and holds the role', async ({ page, browser }) => {
	await signIn(page, 'manajer.cimahi@taman.demo');
	await page.getByRole('link', { name: 'Peran & undangan' }).first().click();
	await expect(page.getByRole('heading', { name: 'Peran di Cimahi Techno Park' })).toBeVisible();
	await page.getByLabel('Surel').fill('reviewer@taman.demo');
	await page.getByLabel('Peran').selectOption('mentor');
	await page.getByRole('button', { name: 'Undang', exact: true }).click();
	await expect(page.getByRole('status')).toContainText('Undangan terkirim ke reviewer@taman.demo');
	await expect(page.getByTestId('pending')).toContainText('reviewer@taman.demo');

	// The invitee opens the link from the e-mail, in a browser of their own.
	const invitee = await (await browser.newContext({ locale: 'id-ID' })).newPage();
	let link: string | null = null;
	await expect(async () => {
		await invitee.goto('/dev/mail');
		const mail = invitee.getByTestId('mail').filter({ hasText: 'Undangan menjadi Mentor di Cimahi Techno Park' }).first();
		link = await mail.getByRole('link').getAttribute('href', { timeout: 1000 });
	}).toPass({ timeout: 15_000 });
	await invitee.goto(link!);
	await expect(invitee.getByText('Anda diundang menjadi Mentor di Cimahi Techno Park.')).toBeVisible();
	await invitee.getByRole('main').getByRole('link', { name: 'Masuk' }).click();
	await invitee.getByLabel('Surel').fill('reviewer@taman.demo');
	await invitee.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
	await invitee.getByRole('button', { name: 'Masuk', exact: true }).click();
	await invitee.getByRole('button', { name: 'Terima undangan' }).click();
	await expect(invitee).toHaveURL(/\/dashboard/);
	await expect(invitee.getByText('Mentor', { exact: true }).first()).toBeVisible();

	// The manager now sees the role holder, and the audit log shows the grant.
	await page.reload();
	// (Bambang also reviews for the park; the new row is his mentor role.)
	await expect(page.getByRole('row').filter({ hasText: 'reviewer@taman.demo' }).filter({ hasText: 'Mentor' })).toBeVisible();
	await page.goto('/audit?site=cimahi-techno-park');
	await expect(page.getByRole('cell', { name: 'role.grant' }).first()).toBeVisible();
});

test('a site manager suspends a tenancy and the park page stops listing the tenant; a wrong end date is refused', async ({ page }) => {
	await signIn(page, 'manajer.cimahi@taman.demo');
	await page.goto('/sites/cimahi-techno-park');
	const listed = page.getByRole('heading', { name: /^Tenant \(\d+\)$/ });
	const count = async () => Number((await listed.first().textContent())?.match(/\((\d+)\)/)?.[1]);
	const before = await count();
	await page.getByRole('link', { name: 'Kelola tenant' }).click();
	const row = page.getByTestId('tenancy-helpy-malindo-makmur');
	await row.getByLabel('Sampai — PT Helpy Malindo Makmur').fill('2020-01-01');
	await row.getByRole('button', { name: 'Simpan tenant PT Helpy Malindo Makmur' }).click();
	await expect(row).toContainText('Tanggal akhir harus setelah tanggal mulai.');
	await row.getByLabel('Sampai — PT Helpy Malindo Makmur').fill('');
	await row.getByLabel('Status — PT Helpy Malindo Makmur').selectOption('suspended');
	await row.getByRole('button', { name: 'Simpan tenant PT Helpy Malindo Makmur' }).click();
	await expect(page.getByRole('status')).toContainText('Tenant diperbarui.');
	await page.goto('/sites/cimahi-techno-park');
	expect(await count()).toBe(before - 1);
	await expect(page.getByRole('link', { name: 'PT Helpy Malindo Makmur' })).toHaveCount(0);
	// Back as it was, for the other tests.
	await page.goto('/sites/cimahi-techno-park/tenants');
	await row.getByLabel('Status — PT Helpy Malindo Makmur').selectOption('active');
	await row.getByRole('button', { name: 'Simpan tenant PT Helpy Malindo Makmur' }).click();
	await expect(page.getByRole('status')).toContainText('Tenant diperbarui.');
});

test('a member cannot open another park\'s role page', async ({ page }) => {
	await signIn(page, 'anggota@taman.demo');
	const res = await page.goto('/sites/cimahi-techno-park/roles');
	expect(res?.status()).toBe(403);
});

test('public directory search finds Indonesian word forms and filters by park', async ({ page }) => {
	await page.goto('/directory');
	await page.getByLabel('Cari').fill('pelatihan animasi');
	await page.getByRole('button', { name: 'Cari' }).click();
	await expect(page.getByTestId('results')).toContainText('Toon Boom');
	await page.getByLabel('Cari').fill('');
	await page.getByLabel('Kawasan', { exact: true }).selectOption('cimahi-techno-park');
	await page.getByRole('button', { name: 'Cari' }).click();
	await expect(page.getByTestId('results')).toContainText('Sekolahan.id');
	await expect(page.getByTestId('results')).not.toContainText('Kopi Kode');
});

test('security headers are on every page', async ({ request }) => {
	for (const path of ['/', '/sites', '/directory', '/signin', '/api/v1/sites']) {
		const res = await request.get(path);
		const h = res.headers();
		expect(h['content-security-policy'], path).toContain("frame-ancestors 'none'");
		expect(h['x-content-type-options'], path).toBe('nosniff');
		expect(h['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
	}
});

test('what a visitor types before the page has loaded its scripts is kept when they arrive', async ({ page }) => {
	let release!: () => void;
	const gate = new Promise<void>((r) => (release = r));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await gate;
		await route.continue();
	});
	await page.goto('/directory', { waitUntil: 'domcontentloaded' });
	await page.getByLabel('Cari').fill('pelatihan animasi');
	release();
	await page.waitForLoadState('networkidle');
	await expect(page.getByLabel('Cari')).toHaveValue('pelatihan animasi');
	await page.getByRole('button', { name: 'Cari' }).click();
	await expect(page).toHaveURL(/q=pelatihan\+animasi/);
	await expect(page.getByTestId('results')).toContainText('Toon Boom');
});

test('a choice made in a form before the page\'s scripts arrive is kept when they do', async ({ page }) => {
	await signIn(page, 'manajer.cimahi@taman.demo');
	let release!: () => void;
	const gate = new Promise<void>((r) => (release = r));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await gate;
		await route.continue();
	});
	await page.goto('/sites/cimahi-techno-park/roles', { waitUntil: 'domcontentloaded' });
	await expect(page.getByLabel('Peran')).toHaveValue('mentor');
	await page.getByLabel('Peran').selectOption('reviewer');
	release();
	await page.waitForLoadState('networkidle');
	await expect(page.getByLabel('Peran')).toHaveValue('reviewer');
});
