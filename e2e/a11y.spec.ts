// axe on the main pages, signed out and signed in, light and dark: no serious or critical violation.
import { test, expect, type Page } from '@playwright/test';
import { signIn, DEMO_PASSWORD } from './helpers.ts';
import AxeBuilder from '@axe-core/playwright';

async function audit(page: Page, path: string) {
	const res = await page.goto(path);
	expect(res?.status(), path).toBeLessThan(400);
	// The park calendar is drawn after the page loads: audit it drawn.
	if (path.includes('/calendar')) await page.locator('.ec').first().waitFor();
	const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	const bad = result.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n    ')}`);
	expect(bad, `${path}\n  ${bad.join('\n  ')}`).toEqual([]);
}

const publicPages = ['/', '/sites', '/sites/cimahi-techno-park', '/sites/cimahi-techno-park/facilities', '/sites/cimahi-techno-park/calendar?date=2026-12-02', '/sites/cimahi-techno-park/calendar?view=week&date=2026-12-02', '/directory', '/directory?tab=people', '/directory?q=animasi', '/programmes', '/sites/cimahi-techno-park/programmes', '/sites/jaringan/programmes', '/training', '/sites/cimahi-techno-park/training', '/sites/cimahi-techno-park/training/toon-boom-harmony-essentials', '/signin', '/signup', '/forgot-password', '/api/docs', '/mentors', '/verify'];
const memberPages = ['/dashboard', '/bookings', '/applications', '/mentoring', '/account', '/account/tokens', '/organizations/new'];
const managerPages = ['/dashboard', '/sites/cimahi-techno-park/bookings', '/sites/cimahi-techno-park/calendar', '/sites/cimahi-techno-park/loans', '/sites/cimahi-techno-park/loans/report', '/sites/cimahi-techno-park/plans', '/sites/cimahi-techno-park/facilities/new', '/sites/cimahi-techno-park/qualifications', '/reports/occupancy?site=cimahi-techno-park', '/organizations/sekolahan-id/statement?site=cimahi-techno-park', '/sites/cimahi-techno-park/roles', '/sites/cimahi-techno-park/tenants', '/audit'];
const adminPages = ['/reports/occupancy', '/admin/sites', '/admin/sites/new', '/admin/sites/cimahi-techno-park'];

for (const theme of ['light', 'dark'] as const) {
	test.describe(`${theme} theme`, () => {
		test.beforeEach(async ({ context, baseURL }) => {
			await context.addCookies([{ name: 'theme', value: theme, url: baseURL! }]);
		});

		test('public pages', async ({ page }) => {
			for (const p of publicPages) await audit(page, p);
			// An organisation page, reached from the directory.
			await page.goto('/directory');
			await page.getByTestId('results').getByRole('link').first().click();
			await audit(page, new URL(page.url()).pathname);
			// A facility page, reached from its park.
			await page.goto('/sites/cimahi-techno-park/facilities');
			await page.getByTestId('resources').getByRole('link').first().click();
			await audit(page, new URL(page.url()).pathname);
		});

		test('a member\'s pages', async ({ page }) => {
			await signIn(page, 'anggota@taman.demo');
			for (const p of memberPages) await audit(page, p);
		});

		test('a site manager\'s pages', async ({ page }) => {
			await signIn(page, 'manajer.cimahi@taman.demo');
			for (const p of managerPages) await audit(page, p);
			// An item of equipment as the loan desk sees it: history, maintenance and its form.
			await page.goto('/sites/cimahi-techno-park/loans/report');
			await page.getByTestId('utilisation').getByRole('link', { name: 'Laptop Pelatihan 02' }).click();
			await page.waitForURL(/\/facilities\/[0-9a-f-]{36}$/);
			const item = new URL(page.url()).pathname;
			await audit(page, item);
			await audit(page, `${item}/check-in`);
			await audit(page, `${item}/edit`);
			// A call's form builder, its applications, and one application as the staff read it.
			await page.goto('/sites/cimahi-techno-park/programmes/inkubasi-startup-digital-2027'.replace('2027', String(new Date().getFullYear() + 1)));
			const call = (await page.getByRole('link', { name: 'Formulir pendaftaran' }).first().getAttribute('href'))!.replace(/\/form$/, '');
			await audit(page, `${call}/form`);
			await audit(page, `${call}/applications`);
			await page.getByTestId('applications').getByRole('link').first().click();
			await page.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
			await audit(page, new URL(page.url()).pathname);
			await audit(page, `${call}/review`);
			await audit(page, `${call}/emails`);
		});

		test('a course, a class and a session as the park\'s staff see them', async ({ page }) => {
			await signIn(page, 'manajer.cimahi@taman.demo');
			// A course as its staff see it (the class form), and a class's participants.
			await audit(page, '/sites/cimahi-techno-park/training/toon-boom-harmony-essentials');
			await page.getByRole('link', { name: 'Peserta, presensi dan nilai' }).first().click();
			await page.waitForURL(/\/classes\/[0-9a-f-]{36}$/);
			const classPage = new URL(page.url()).pathname;
			await audit(page, classPage);
			// A session's attendance list and QR code, and where the code leads.
			await page.getByTestId('sessions').getByRole('link').first().click();
			await page.waitForURL(/\/sessions\/[0-9a-f-]{36}$/);
			await audit(page, new URL(page.url()).pathname);
			const qr = new URL((await page.getByTestId('qr-url').textContent())!);
			await audit(page, qr.pathname + qr.search);
			// A certificate of that class, as its public verification page shows it (with the revoke form).
			await page.goto(classPage);
			await page.getByTestId('class-credentials').getByRole('link').first().click();
			await page.waitForURL(/\/credentials\/[0-9a-f-]{36}$/);
			await audit(page, new URL(page.url()).pathname);
		});

		test('a reviewer\'s pages', async ({ page }) => {
			await signIn(page, 'reviewer@taman.demo');
			await audit(page, '/reviews');
			await page.getByTestId('my-reviews').getByRole('link').first().click();
			await page.waitForURL(/\/reviews\/[0-9a-f-]{36}$/);
			await audit(page, new URL(page.url()).pathname);
		});

		test('a cohort\'s pages, for its staff and a startup', async ({ page }) => {
			const now = new Date();
			const programme = `/sites/coding-factory-singhasari/programmes/team-incubation-${new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 4, 5)).getUTCFullYear()}`;
			await signIn(page, 'staf.singhasari@taman.demo');
			for (const p of ['/cohort', '/cohort/kopi-kode', '/kpi', '/kpi/form', '/mentoring']) await audit(page, `${programme}${p}`);
			await page.context().clearCookies();
			await signIn(page, 'anggota@taman.demo');
			await audit(page, `${programme}/cohort/kopi-kode`);
			// A mentor's page with its slots and booking form, and a session with its notes.
			await page.goto('/mentors?site=coding-factory-singhasari');
			await page.getByRole('link', { name: 'Hendra Gunawan' }).click();
			await page.waitForURL(/\/mentors\/.+/);
			await audit(page, new URL(page.url()).pathname);
			await page.goto('/mentoring');
			await page.getByTestId('sessions-past').getByRole('link').first().click();
			await page.waitForURL(/\/mentoring\/[0-9a-f-]{36}$/);
			await audit(page, new URL(page.url()).pathname);
		});

		test('a mentor\'s pages', async ({ page }) => {
			await signIn(page, 'mentor@taman.demo');
			await audit(page, '/mentoring');
			await audit(page, '/mentoring/profile');
		});

		test('a network admin\'s pages', async ({ page }) => {
			await signIn(page, 'admin@taman.demo');
			for (const p of adminPages) await audit(page, p);
		});
	});
}

test('the main flow works from the keyboard alone', async ({ page }) => {
	await page.goto('/');
	// The first Tab reaches the skip link, which moves focus to the content.
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Lewati ke konten' });
	await expect(skip).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.locator('main')).toBeFocused();

	// Sign in by keyboard.
	await page.goto('/signin');
	await page.getByLabel('Surel').focus();
	await page.keyboard.type('anggota@taman.demo');
	await page.keyboard.press('Tab');
	await expect(page.getByLabel('Kata sandi')).toBeFocused();
	await page.keyboard.type(DEMO_PASSWORD);
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/dashboard/);

	// Every focusable element shows where focus is.
	await page.keyboard.press('Tab');
	const outline = await page.evaluate(() => {
		const el = document.activeElement as HTMLElement;
		const s = getComputedStyle(el);
		return { style: s.outlineStyle, width: parseFloat(s.outlineWidth), shadow: s.boxShadow };
	});
	expect(outline.style !== 'none' && outline.width > 0 || outline.shadow !== 'none').toBe(true);
});
