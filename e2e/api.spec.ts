// The API over real HTTP, through hooks: bearer tokens made in the UI, bad input, scopes, revocation.
import { test, expect, type Page, type APIRequestContext } from '@playwright/test';
import { signIn } from './helpers.ts';

async function makeToken(page: Page, name: string, scope: 'read' | 'write') {
	await page.goto('/account/tokens');
	await page.getByLabel('Nama token').fill(name);
	await page.getByLabel('Cakupan').selectOption(scope);
	await page.getByRole('button', { name: 'Buat token' }).click();
	const secret = (await page.getByTestId('token-secret').textContent())!.trim();
	expect(secret).toMatch(/^tmn_/);
	return secret;
}

const auth = (token: string, extra: Record<string, string> = {}) => ({ authorization: `Bearer ${token}`, ...extra });
async function siteCount(request: APIRequestContext) {
	return ((await (await request.get('/api/v1/sites?limit=100')).json()) as { items: unknown[] }).items.length;
}

test('bearer tokens from the UI authenticate the API; bad input is refused and changes nothing', async ({ page, request }) => {
	await signIn(page, 'admin@taman.demo');
	const write = await makeToken(page, 'Skrip sinkronisasi', 'write');
	const read = await makeToken(page, 'Dasbor baca', 'read');
	const before = await siteCount(request);

	// The token is the network admin's: /me says so.
	const me = await request.get('/api/v1/me', { headers: auth(read) });
	expect(me.status()).toBe(200);
	expect(((await me.json()) as { email: string }).email).toBe('admin@taman.demo');

	// No token or a wrong one: 401 with a Bearer challenge.
	expect((await request.get('/api/v1/me')).status()).toBe(401);
	const wrong = await request.get('/api/v1/me', { headers: auth('tmn_bukan-token-yang-benar') });
	expect(wrong.status()).toBe(401);
	expect(wrong.headers()['www-authenticate']).toBe('Bearer');

	// Malformed JSON.
	const malformed = await request.post('/api/v1/sites', { headers: auth(write, { 'content-type': 'application/json' }), data: '{"name": "Techno' });
	expect(malformed.status()).toBe(400);
	expect(malformed.headers()['content-type']).toContain('application/problem+json');
	expect(((await malformed.json()) as { code: string }).code).toBe('err_bad_json');

	// A JSON array instead of an object.
	expect((await request.post('/api/v1/sites', { headers: auth(write, { 'content-type': 'application/json' }), data: '[1,2]' })).status()).toBe(400);

	// Wrong types, an over-long name and a smuggled field, all named, translated by Accept-Language.
	const bad = await request.post('/api/v1/sites', {
		headers: auth(write, { 'accept-language': 'en' }),
		data: { name: 'x'.repeat(500), slug: 'techno-baru', kind: 'technopark', timeZone: 42, provinceCode: '32', regencyCode: '32.77', address: 7, isAdmin: true }
	});
	expect(bad.status()).toBe(422);
	const problem = (await bad.json()) as { title: string; errors: { field: string; code: string; message: string }[] };
	expect(problem.title).toBe('Please check the marked fields.');
	const byField = Object.fromEntries(problem.errors.map((e) => [e.field, e.code]));
	expect(byField).toMatchObject({ name: 'err_field_too_long', timeZone: 'err_field_choice', address: 'err_field_type', isAdmin: 'err_field_unknown' });
	expect(problem.errors.find((e) => e.field === 'isAdmin')!.message).toBe('This field is not known and must not be sent.');

	// The same in Bahasa Indonesia.
	const badId = await request.post('/api/v1/sites', { headers: auth(write, { 'accept-language': 'id' }), data: { name: 'x', role: 'network_admin' } });
	expect(((await badId.json()) as { title: string }).title).toBe('Periksa kembali isian yang ditandai.');

	// Unknown ids.
	expect((await request.get('/api/v1/sites/tidak-ada-taman-ini')).status()).toBe(404);
	expect((await request.patch('/api/v1/sites/tidak-ada-taman-ini', { headers: auth(write), data: { description: 'x' } })).status()).toBe(404);
	expect((await request.delete('/api/v1/roles/00000000-0000-0000-0000-000000000000', { headers: auth(write) })).status()).toBe(404);
	expect((await request.delete('/api/v1/roles/bukan-uuid', { headers: auth(write) })).status()).toBe(404);

	// A read token cannot write, even for a network admin.
	const readOnly = await request.post('/api/v1/sites', { headers: auth(read), data: { name: 'Techno Baru', slug: 'techno-baru', kind: 'technopark', timeZone: 'Asia/Jakarta', provinceCode: '32', regencyCode: '32.77' } });
	expect(readOnly.status()).toBe(403);
	expect(((await readOnly.json()) as { code: string }).code).toBe('err_token_read_only');

	expect(await siteCount(request)).toBe(before);

	// The write token works: a real park is created, and shows up in the public list.
	const created = await request.post('/api/v1/sites', {
		headers: auth(write),
		data: { name: 'Techno Park Pekalongan', slug: 'techno-park-pekalongan', kind: 'technopark', timeZone: 'Asia/Jakarta', provinceCode: '33', regencyCode: '33.75' }
	});
	expect(created.status()).toBe(201);
	expect(await siteCount(request)).toBe(before + 1);

	// Revoking in the UI stops the token at once.
	await page.goto('/account/tokens');
	// It asks first; Batal leaves the token working.
	await page.getByRole('row', { name: /Skrip sinkronisasi/ }).getByRole('button', { name: 'Cabut' }).click();
	const ask = page.getByRole('alertdialog', { name: 'Cabut token Skrip sinkronisasi?' });
	await expect(ask).toContainText('langsung ditolak');
	await ask.getByRole('button', { name: 'Batal' }).click();
	await expect(ask).toBeHidden();
	expect((await request.get('/api/v1/me', { headers: auth(write) })).status()).toBe(200);
	await page.getByRole('row', { name: /Skrip sinkronisasi/ }).getByRole('button', { name: 'Cabut' }).click();
	await ask.getByRole('button', { name: 'Cabut' }).click();
	await expect(page.getByRole('row', { name: /Skrip sinkronisasi/ })).toContainText('Dicabut');
	expect((await request.get('/api/v1/me', { headers: auth(write) })).status()).toBe(401);
});

test('session writes to the API from another origin are refused (CSRF)', async ({ page }) => {
	await signIn(page, 'anggota@taman.demo');
	const res = await page.request.patch('/api/v1/me', { headers: { origin: 'https://jahat.example' }, data: { bio: 'diretas' } });
	expect(res.status()).toBe(403);
	const ok = await page.request.patch('/api/v1/me', { headers: { origin: new URL(page.url()).origin }, data: { bio: 'Pengembang gim di Cimahi.' } });
	expect(ok.status()).toBe(200);
});

test('health and readiness', async ({ request }) => {
	expect((await request.get('/healthz')).status()).toBe(200);
	const ready = await request.get('/readyz');
	expect(ready.status()).toBe(200);
	expect(await ready.json()).toEqual({ status: 'ok', database: true, migrations: true });
});

test('every list exports as CSV and XLSX', async ({ request }) => {
	const csv = await request.get('/api/v1/sites?format=csv&limit=100');
	expect(csv.headers()['content-type']).toContain('text/csv');
	const text = await csv.text();
	expect(text.charCodeAt(0)).toBe(0xfeff);
	expect(text).toContain('Cimahi Techno Park');
	const xlsx = await request.get('/api/v1/organizations?format=xlsx');
	expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
	expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');
	expect((await request.get('/api/v1/sites?format=pdf')).status()).toBe(422);
});
