import { test, expect } from '@playwright/test';

test('sign up, verify from the demo mailbox, switch language, edit profile', async ({ page }) => {
	const email = `founder-${Date.now()}@example.id`;
	await page.goto('/signup');
	await page.getByLabel('Nama').fill('Nyoman Arta');
	await page.getByLabel('Surel').fill(email);
	await page.getByLabel('Kata sandi').fill('sandi-kuat-sekali');
	await page.getByRole('button', { name: 'Daftar' }).click();
	await expect(page.getByRole('heading', { name: 'Periksa surel Anda' })).toBeVisible();

	// Unverified accounts cannot sign in yet.
	await page.goto('/signin');
	await page.getByLabel('Surel').fill(email);
	await page.getByLabel('Kata sandi').fill('sandi-kuat-sekali');
	await page.getByRole('button', { name: 'Masuk', exact: true }).click();
	await expect(page.getByRole('alert')).toContainText('belum terverifikasi');

	// The worker keeps the e-mail in the outbox; open its link.
	await expect(async () => {
		await page.goto('/dev/mail');
		await expect(page.getByTestId('mail').filter({ hasText: email }).first()).toBeVisible({ timeout: 1000 });
	}).toPass({ timeout: 15_000 });
	const link = await page.getByTestId('mail').filter({ hasText: email }).first().getByRole('link').getAttribute('href');
	expect(link).toContain('/api/auth/verify-email');
	await page.goto(link!);
	await expect(page).toHaveURL(/\/dashboard/);
	await expect(page.getByRole('heading', { name: 'Selamat datang, Nyoman Arta' })).toBeVisible();

	// Switch to English, then edit the profile.
	await page.getByRole('button', { name: 'Ganti bahasa' }).click();
	await expect(page.getByRole('heading', { name: 'Welcome, Nyoman Arta' })).toBeVisible();
	await page.goto('/account');
	await page.getByRole('textbox', { name: 'Phone number' }).fill('0812 3456 7890');
	await page.getByLabel('Time zone').selectOption('Asia/Makassar');
	await page.getByRole('button', { name: 'Save' }).first().click();
	await expect(page.getByRole('status')).toContainText('Saved.');
	await page.reload();
	await expect(page.getByRole('textbox', { name: 'Phone number' })).toHaveValue('+6281234567890');
	await expect(page.getByLabel('Time zone')).toHaveValue('Asia/Makassar');

	// Sign out, sign in again: the account's language (English) comes back.
	await page.getByRole('button', { name: 'Sign out' }).click();
	await page.context().clearCookies();
	await page.goto('/signin');
	await page.getByLabel('Surel').fill(email);
	await page.getByLabel('Kata sandi').fill('sandi-kuat-sekali');
	await page.getByRole('button', { name: 'Masuk', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Welcome, Nyoman Arta' })).toBeVisible();
});

test('bad sign-up input is named and translated; nothing is created', async ({ page }) => {
	await page.goto('/signup');
	await page.getByLabel('Nama').fill('Wayan');
	await page.getByLabel('Surel').fill('wayan@example.id');
	await page.getByLabel('Kata sandi').fill('pendek');
	// Bypass the browser's own minlength check: the server must refuse too.
	await page.locator('input[name=password]').evaluate((el) => el.removeAttribute('minlength'));
	await page.getByRole('button', { name: 'Daftar' }).click();
	await expect(page.getByRole('alert')).toContainText('Periksa kembali');
	await expect(page.getByText('Terlalu pendek (minimal 10 karakter).')).toBeVisible();
	await expect(page.getByLabel('Surel')).toHaveValue('wayan@example.id');
	await page.goto('/dev/mail');
	await expect(page.getByTestId('mail').filter({ hasText: 'wayan@example.id' })).toHaveCount(0);
});
