import { test, expect } from '@playwright/test';
import { signIn } from './helpers.ts';

test('a startup books a mentor session; the mentor writes notes the startup reads', async ({ page }) => {
	await signIn(page, 'anggota@taman.demo');
	await page.goto('/mentors?site=coding-factory-singhasari');
	await expect(page.getByTestId('mentors').getByRole('listitem')).toHaveCount(5);
	await page.getByRole('link', { name: 'Sri Wahyuni' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Sri Wahyuni' })).toBeVisible();
	await page.getByTestId('slots').getByRole('radio').first().check();
	await page.getByLabel('Topik').fill('Animasi karakter untuk demo day');
	await page.getByRole('button', { name: 'Pesan sesi' }).click();
	await expect(page).toHaveURL(/\/mentoring\/[0-9a-f-]{36}$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Sri Wahyuni × Kopi Kode' })).toBeVisible();
	await expect(page.getByRole('link', { name: /^https:\/\/meet\.jit\.si\/Taman-/ })).toBeVisible();
	const session = new URL(page.url()).pathname;

	await page.context().clearCookies();
	await signIn(page, 'mentor@taman.demo');
	await page.goto('/mentoring');
	// Her Kawi Games session a month ago counts; the new one has not been held yet.
	await expect(page.getByTestId('mentor-hours')).toContainText('1 sesi terlaksana, 1 jam');
	await page.getByTestId('sessions-upcoming').getByRole('link', { name: 'Kopi Kode' }).first().click();
	await expect(page).toHaveURL(new RegExp(`${session}$`));
	await page.getByRole('textbox', { name: 'Catatan sesi' }).fill('Gunakan rig karakter yang sama untuk trailer dan gim.');
	await page.getByLabel('Tindak lanjut').fill('Kirim storyboard trailer\n[x] Daftar pelatihan Toon Boom');
	await page.getByRole('button', { name: 'Simpan' }).click();
	await expect(page.getByRole('status')).toContainText('Tersimpan');

	await page.context().clearCookies();
	await signIn(page, 'anggota@taman.demo');
	await page.goto(session);
	await expect(page.getByTestId('notes')).toContainText('rig karakter yang sama');
	// The startup ticks the storyboard off.
	await expect(page.getByRole('checkbox', { name: 'Daftar pelatihan Toon Boom' })).toBeChecked();
	await page.getByRole('checkbox', { name: 'Kirim storyboard trailer' }).check();
	await page.getByRole('button', { name: 'Simpan tindak lanjut' }).click();
	await expect(page.getByRole('status')).toContainText('Tersimpan');
	await page.reload();
	await expect(page.getByRole('checkbox', { name: 'Kirim storyboard trailer' })).toBeChecked();
	// The mentor's hours show in the programme's report for its staff.
	await page.context().clearCookies();
	await signIn(page, 'staf.singhasari@taman.demo');
	const now = new Date();
	await page.goto(`/sites/coding-factory-singhasari/programmes/team-incubation-${new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 4, 5)).getUTCFullYear()}/mentoring`);
	await expect(page.getByTestId('by-mentor')).toContainText('Hendra Gunawan');
	await expect(page.getByTestId('by-startup')).toContainText('Kopi Kode');
});
