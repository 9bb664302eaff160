import { expect, type Page } from '@playwright/test';

/** The password of every demo account. */
export const DEMO_PASSWORD = 'taman-demo-2026';

/** Sign in through the Indonesian sign-in form and land on the dashboard. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
	await page.goto('/signin');
	await page.getByLabel('Surel').fill(email);
	await page.getByLabel('Kata sandi').fill(password);
	await page.getByRole('button', { name: 'Masuk', exact: true }).click();
	await expect(page).toHaveURL(/\/dashboard/);
}
