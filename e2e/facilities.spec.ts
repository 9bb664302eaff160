import { test, expect } from '@playwright/test';
import { signIn } from './helpers.ts';

/** A weekday 2–6 days from now (no holidays fall in late November or early December 2026). */
function nextWeekday() {
	const d = new Date(Date.now() + 2 * 86_400_000);
	while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
	return d.toISOString().slice(0, 10);
}

test('a member finds a free studio and books it; the slot is then taken', async ({ page }) => {
	await signIn(page, 'anggota@taman.demo');
	await page.goto('/sites/cimahi-techno-park');
	await page.getByRole('link', { name: 'Fasilitas' }).click();
	await expect(page.getByRole('heading', { name: 'Fasilitas Cimahi Techno Park' })).toBeVisible();
	const day = nextWeekday();
	await page.getByLabel('Tanggal').fill(day);
	await page.getByLabel('Dari').fill('13:00');
	await page.getByLabel('Sampai').fill('15:00');
	await page.getByLabel('Jenis').selectOption('studio_animation');
	await page.getByRole('button', { name: 'Cari' }).click();
	await expect(page.getByRole('status')).toContainText('1 fasilitas kosong');
	await page.getByTestId('resources').getByRole('link', { name: 'Lab Pelatihan Toon Boom' }).click();
	await expect(page.getByRole('heading', { name: 'Lab Pelatihan Toon Boom' })).toBeVisible();
	await page.getByLabel('Keperluan').fill('Latihan storyboard tim Sekolahan.id');
	await page.getByRole('button', { name: 'Pesan', exact: true }).click();
	await expect(page.getByRole('status')).toContainText('Pemesanan tersimpan: 1 jadwal.');
	await expect(page.getByTestId('week')).toContainText('Pesanan Anda');
	await expect(page.getByTestId('week').getByRole('rowheader').first()).toHaveText(/^(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \d{1,2} \w+ \d{4}$/);

	// The same slot again: refused with the time that is taken, in the park's zone.
	await page.getByRole('button', { name: 'Pesan', exact: true }).click();
	await expect(page.getByRole('alert')).toContainText('Slot ini sudah dipesan');
	await expect(page.getByRole('alert')).toContainText('13.00 WIB–15.00');

	// It is in "my bookings", and the confirmation e-mail is in the outbox.
	await page.getByRole('link', { name: 'Pemesanan saya' }).first().click();
	await expect(page.getByRole('row', { name: /Lab Pelatihan Toon Boom/ })).toContainText('Terkonfirmasi');
	await page.goto('/dev/mail');
	const confirmation = page.getByTestId('mail').filter({ hasText: 'Pemesanan dikonfirmasi: Lab Pelatihan Toon Boom' }).first();
	await expect(confirmation).toBeVisible({ timeout: 15_000 });
	await expect(confirmation.getByTestId('mail-attachments')).toContainText('pemesanan.ics');

	// Moved an hour later, overlapping its own old slot: allowed, and the new time is shown.
	await page.goto('/bookings');
	const row = page.getByRole('row', { name: /Lab Pelatihan Toon Boom/ }).filter({ hasText: 'Latihan storyboard' });
	await row.getByText('Ubah waktu').first().click();
	await row.getByLabel('Dari').fill('14:00');
	await row.getByLabel('Sampai').fill('16:00');
	await row.getByRole('button', { name: 'Ubah waktu' }).click();
	await expect(page.getByRole('status')).toContainText('Pemesanan diubah.');
	await expect(page.getByRole('row', { name: /Lab Pelatihan Toon Boom/ }).filter({ hasText: 'Latihan storyboard' })).toContainText('14.00');
});

test('a site manager approves a pending hall request', async ({ page }) => {
	await signIn(page, 'manajer.cimahi@taman.demo');
	await page.goto('/sites/cimahi-techno-park/bookings');
	const row = page.getByTestId('pending-bookings').getByRole('row', { name: /Aula Cimahi Techno Park/ });
	await expect(row).toContainText('Putu Ayu Maharani');
	await row.getByRole('button', { name: 'Setujui' }).click();
	await expect(page.getByText('Tidak ada permintaan yang menunggu.')).toBeVisible();
	await expect(page.getByRole('row', { name: /Aula Cimahi Techno Park/ })).toContainText('Terkonfirmasi');
});

test('a member cannot open the booking desk of the park', async ({ page }) => {
	await signIn(page, 'anggota@taman.demo');
	const res = await page.goto('/sites/cimahi-techno-park/bookings');
	expect(res?.status()).toBe(403);
});

test('a member subscribes to their bookings as a calendar, then revokes the address', async ({ page, playwright }) => {
	await signIn(page, 'anggota@taman.demo');
	await page.goto('/bookings');
	await page.getByRole('button', { name: 'Buat alamat kalender pemesanan saya' }).click();
	const url = await page.getByTestId('feed-url').inputValue();
	expect(url).toMatch(/\/ical\/[A-Za-z0-9_-]{32}\.ics$/);
	// A calendar app fetches it without any session.
	const app = await playwright.request.newContext();
	const feed = await app.get(url);
	expect(feed.headers()['content-type']).toBe('text/calendar; charset=utf-8');
	const text = await feed.text();
	expect(text).toContain('BEGIN:VCALENDAR');
	expect(text).toContain('SUMMARY:Ruang Rapat Baros: Rapat tim Sekolahan.id');
	expect(text).toContain('TZID=Asia/Jakarta');
	await page.getByTestId('feeds').getByRole('button', { name: 'Cabut' }).first().click();
	await expect(page.getByRole('status')).toContainText('Alamat kalender dicabut.');
	expect((await app.get(url)).status()).toBe(404);
	await app.dispose();
});

test('the QR code on a facility\'s door leads the booker to a one-tap check-in', async ({ page }) => {
	await signIn(page, 'admin@taman.demo');
	await page.goto('/sites/animation-film-factory/facilities');
	await page.getByTestId('resources').getByRole('link', { name: 'Render Node GPU 02' }).click();
	const qr = page.getByTestId('qr');
	await qr.locator('summary').click();
	await expect(qr.locator('svg')).toBeVisible();
	const href = await qr.getByRole('link').getAttribute('href');
	expect(href).toMatch(/^\/facilities\/[0-9a-f-]{36}\/check-in$/);
	const resourceId = href!.split('/')[2]!;

	// A booking running now (always-open render node; the network admin may book a started slot).
	// Five-minute slots, so it started at most five minutes ago, well inside the no-show grace
	// period: with hour slots, a run late in the hour found it already released by the worker.
	const origin = new URL(page.url()).origin;
	expect((await page.request.patch(`/api/v1/resources/${resourceId}`, { headers: { origin }, data: { slotMinutes: 5, minMinutes: 5 } })).status()).toBe(200);
	const start = new Date(Math.floor(Date.now() / 300_000) * 300_000);
	const made = await page.request.post('/api/v1/bookings', {
		headers: { origin: new URL(page.url()).origin },
		data: { resourceId, startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 2 * 3600_000).toISOString(), title: 'Render uji QR' }
	});
	expect(made.status()).toBe(201);

	await page.goto(href!);
	await expect(page.getByRole('heading', { name: 'Check-in: Render Node GPU 02' })).toBeVisible();
	await page.getByRole('button', { name: 'Check-in' }).click();
	await expect(page.getByRole('status')).toContainText('Anda sudah check-in.');
	await expect(page.getByText('Sudah check-in.', { exact: true })).toBeVisible();
});

test('staff add a facility with its rules, edit it, and close it for maintenance', async ({ page }) => {
	await signIn(page, 'staf.cimahi@taman.demo');
	await page.goto('/sites/cimahi-techno-park/facilities');
	await page.getByRole('link', { name: 'Tambah fasilitas' }).click();
	await page.getByLabel('Nama', { exact: true }).fill('Studio Podcast Baros');
	await page.getByLabel('Slug (alamat URL)').fill('ruang-rapat'); // taken by the demo's meeting room
	await page.getByLabel('Jenis', { exact: true }).selectOption('studio_podcast');
	await page.getByLabel('Kapasitas', { exact: true }).fill('4');
	await page.getByLabel('Kelipatan slot (menit)').fill('60');
	await page.getByLabel('Perlu persetujuan pengelola').check();
	await page.getByRole('button', { name: 'Tambah fasilitas' }).click();
	await expect(page.getByText('Slug ini sudah dipakai.').first()).toBeVisible();
	await expect(page.getByLabel('Nama', { exact: true })).toHaveValue('Studio Podcast Baros');
	await page.getByLabel('Slug (alamat URL)').fill('studio-podcast');
	await page.getByRole('button', { name: 'Tambah fasilitas' }).click();

	await expect(page.getByRole('heading', { name: 'Studio Podcast Baros' })).toBeVisible();
	await expect(page.getByText('Perlu persetujuan pengelola')).toBeVisible();
	await page.getByRole('link', { name: 'Ubah', exact: true }).click();
	await page.getByLabel('Kapasitas', { exact: true }).fill('6');
	await page.getByLabel('Kredit per jam').fill('3');
	await page.getByRole('button', { name: 'Simpan' }).click();
	await expect(page.getByText('Kapasitas 6')).toBeVisible();
	await expect(page.getByTestId('credits-rate')).toContainText('Biaya: 3 kredit per jam');
	await expect(page.getByTestId('who-may-book')).toHaveText('Dapat dipesan oleh: Anggota kawasan');
	// Only mentors: choosing "holders of chosen roles" without a role is refused, then a role is ticked.
	await page.getByRole('link', { name: 'Ubah', exact: true }).click();
	await page.getByLabel('Boleh dipesan oleh').selectOption('roles');
	await page.getByRole('button', { name: 'Simpan' }).click();
	await expect(page.getByText('Pilih setidaknya satu peran.')).toBeVisible();
	await page.getByRole('group', { name: 'Peran yang boleh memesan di kawasan ini' }).getByLabel('Mentor', { exact: true }).check();
	await page.getByRole('button', { name: 'Simpan' }).click();
	await expect(page.getByTestId('who-may-book')).toHaveText('Dapat dipesan oleh: Mentor');

	const block = page.getByTestId('blackout');
	await block.locator('summary').click();
	await block.getByLabel('Alasan (terlihat oleh pemesan)').fill('Perawatan mikrofon');
	await block.getByRole('button', { name: 'Tutup sementara' }).click();
	await expect(block.getByRole('status')).toContainText('Penutupan tersimpan.');
});

test('a site manager closes the whole park for a day; its facilities show the closure', async ({ page }) => {
	await signIn(page, 'manajer.cimahi@taman.demo');
	await page.goto('/sites/cimahi-techno-park/bookings');
	const day = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
	const form = page.getByTestId('blackout');
	await form.locator('summary').click();
	await form.getByLabel('Mulai').fill(day);
	await form.getByLabel('Sampai').fill(day);
	await form.getByLabel('Alasan (terlihat oleh pemesan)').fill('Pemadaman listrik terjadwal PLN');
	await form.getByRole('button', { name: 'Tutup sementara' }).click();
	await expect(form.getByRole('status')).toContainText('Penutupan tersimpan.');
	await page.goto('/sites/cimahi-techno-park/facilities');
	await page.getByTestId('resources').getByRole('link', { name: 'Ruang Rapat Baros' }).click();
	await page.waitForURL(/\/facilities\/[0-9a-f-]{36}$/);
	await page.goto(`${new URL(page.url()).pathname}?week=${day}`);
	await expect(page.getByTestId('week')).toContainText('Tutup: Pemadaman listrik terjadwal PLN');
	const week = page.url();

	// PLN changes its plan: the closure is lifted from the park's closures page and the room is free again.
	await page.goto('/sites/cimahi-techno-park/bookings');
	await page.getByRole('link', { name: 'Hari libur & penutupan' }).click();
	const row = page.getByTestId('blackouts').getByRole('row', { name: /Pemadaman listrik terjadwal PLN/ });
	await expect(row).toContainText('Seluruh kawasan');
	await row.getByRole('button', { name: 'Cabut' }).click();
	await expect(page.getByRole('status')).toContainText('Penutupan dicabut');
	await expect(page.getByText('Pemadaman listrik terjadwal PLN')).toHaveCount(0);
	await page.goto(week);
	await expect(page.getByTestId('week')).not.toContainText('Pemadaman listrik');
});

test('holidays: a park stays open on Christmas and adds its own day; a network admin moves an Islamic day', async ({ page }) => {
	await signIn(page, 'manajer.cimahi@taman.demo');
	await page.goto('/sites/cimahi-techno-park/closures?year=2026');
	const christmas = page.getByTestId('holidays').getByRole('row', { name: /Kelahiran Yesus Kristus/ }).filter({ hasNotText: 'Cuti bersama' });
	await expect(christmas).toContainText('Libur nasional');
	await christmas.getByRole('button', { name: 'Tetap buka hari ini' }).click();
	await expect(christmas).toContainText('Tetap buka');
	await page.goto('/sites/cimahi-techno-park/calendar?date=2026-12-25');
	await expect(page.getByText('Tutup Jumat, 25 Desember 2026')).toHaveCount(0);
	await page.goto('/sites/cimahi-techno-park/calendar?date=2026-12-24');
	await expect(page.getByText('Tutup Kamis, 24 Desember 2026: Cuti bersama Kelahiran Yesus Kristus')).toBeVisible();
	await page.goto('/sites/cimahi-techno-park/closures?year=2026');
	await christmas.getByRole('button', { name: 'Tutup seperti biasa' }).click();
	await expect(christmas.getByRole('button', { name: 'Tetap buka hari ini' })).toBeVisible();

	const form = page.getByRole('form', { name: 'Tambah hari libur kawasan' });
	await form.getByLabel('Tanggal').fill('2026-12-30');
	await form.getByLabel('Nama (Bahasa Indonesia)').fill('Hari Jadi Cimahi Techno Park');
	await form.getByRole('button', { name: 'Tambah' }).click();
	const own = page.getByTestId('holidays').getByRole('row', { name: /Hari Jadi Cimahi Techno Park/ });
	await expect(own).toContainText('Libur kawasan');
	await expect(own).toContainText('Rabu, 30 Desember 2026');
	// The same day again is refused with the reason.
	await form.getByLabel('Tanggal').fill('2026-12-30');
	await form.getByLabel('Nama (Bahasa Indonesia)').fill('Hari Jadi Cimahi Techno Park');
	await form.getByRole('button', { name: 'Tambah' }).click();
	await expect(form.getByRole('alert')).toContainText('sudah ada');
	await own.getByRole('button', { name: 'Hapus' }).click();
	await expect(page.getByTestId('holidays').getByText('Hari Jadi Cimahi Techno Park')).toHaveCount(0);
	// A site manager does not move the network's dates.
	await expect(page.getByText('Pindahkan tanggal (seluruh jaringan)')).toHaveCount(0);

	await page.context().clearCookies();
	await signIn(page, 'admin@taman.demo');
	await page.goto('/sites/cimahi-techno-park/closures?year=2026');
	const maulid = page.getByTestId('holidays').getByRole('row', { name: /Maulid Nabi Muhammad SAW/ });
	await expect(maulid).toContainText('Tanggal mengikuti kalender Hijriah');
	await maulid.getByText('Pindahkan tanggal (seluruh jaringan)').click();
	await maulid.getByLabel('Tanggal baru').fill('2026-08-26');
	await maulid.getByRole('button', { name: 'Pindahkan' }).click();
	await expect(maulid).toContainText('Rabu, 26 Agustus 2026');
	await maulid.getByLabel('Tanggal baru').fill('2026-08-25');
	await maulid.getByRole('button', { name: 'Pindahkan' }).click();
	await expect(maulid).toContainText('Selasa, 25 Agustus 2026');
});

test('the park calendar shows each facility\'s day; choosing a free stretch opens its booking form', async ({ page }) => {
	await signIn(page, 'anggota@taman.demo');
	await page.goto('/sites/cimahi-techno-park/facilities');
	await page.getByRole('link', { name: 'Kalender', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Kalender Cimahi Techno Park' })).toBeVisible();
	const day = nextWeekday();
	await page.goto(`/sites/cimahi-techno-park/calendar?date=${day}`);
	const calendar = page.getByTestId('calendar');
	await expect(calendar.locator('.ec-col-head', { hasText: 'Ruang Rapat Baros' })).toBeVisible();

	// Drag down the meeting room's column from 11.00.
	const col = (await calendar.locator('.ec-col-head', { hasText: 'Ruang Rapat Baros' }).boundingBox())!;
	const at11 = (await calendar.locator('.ec-slot', { hasText: '11.00' }).boundingBox())!;
	const x = col.x + col.width / 2;
	await page.mouse.move(x, at11.y + at11.height / 2 + 5);
	await page.mouse.down();
	await page.mouse.move(x, at11.y + at11.height + 10, { steps: 8 });
	await page.mouse.up();
	await expect(page).toHaveURL(new RegExp(`/facilities/[0-9a-f-]+\\?date=${day}&from=11:00&to=1[12]:[03]0#book`));
	await expect(page.getByRole('heading', { name: 'Ruang Rapat Baros' })).toBeVisible();
	await expect(page.locator('#book').getByLabel('Dari')).toHaveValue('11:00');
	// Sekolahan.id's incubation plan pays for meeting rooms: the form says what is left this month.
	await expect(page.getByTestId('allowances')).toContainText(/Sekolahan\.id: sisa [\d,]+ dari 40 jam "Ruang rapat & aula"/);
	await page.locator('#book').getByLabel('Keperluan').fill('Rapat mingguan Sekolahan.id');
	await page.getByRole('button', { name: 'Pesan', exact: true }).click();
	await expect(page.getByRole('status')).toContainText('Pemesanan tersimpan: 1 jadwal.');

	// Back on the calendar the booker sees their purpose; the same day in the week view shows it too.
	await page.goto(`/sites/cimahi-techno-park/calendar?date=${day}`);
	await expect(calendar.locator('.ec-event', { hasText: 'Rapat mingguan Sekolahan.id' })).toContainText('11.00');
	await page.getByRole('link', { name: 'Minggu', exact: true }).click();
	await expect(page).toHaveURL(/view=week/);
	await expect(calendar.locator('.ec-event[title*="Rapat mingguan Sekolahan.id"]')).toHaveCount(1);
});

test('a site manager sets the rules new facilities start with; a rule that does not nest is named', async ({ page }) => {
	await signIn(page, 'manajer.cimahi@taman.demo');
	await page.goto('/sites/cimahi-techno-park/facilities');
	await page.getByRole('link', { name: 'Aturan bawaan' }).click();
	const equipment = page.getByRole('group', { name: 'Peralatan' });
	await expect(equipment.getByLabel('Pemberitahuan minimum (menit)')).toHaveAttribute('placeholder', '1440');
	await equipment.getByLabel('Pemberitahuan minimum (menit)').fill('120');
	await equipment.getByLabel('Boleh dipesan oleh').selectOption('tenants');
	const spaces = page.getByRole('group', { name: 'Ruang' });
	await spaces.getByLabel('Kelipatan slot (menit)').fill('60');
	await spaces.getByLabel('Durasi minimum (menit)').fill('30');
	await page.getByRole('button', { name: 'Simpan' }).click();
	await expect(page.getByRole('alert')).toBeVisible();
	await expect(spaces.getByLabel('Durasi minimum (menit)')).toHaveAttribute('aria-invalid', 'true');
	await spaces.getByLabel('Durasi minimum (menit)').fill('');
	await spaces.getByLabel('Kelipatan slot (menit)').fill('');
	await page.getByRole('button', { name: 'Simpan' }).click();
	await expect(page.getByRole('status')).toContainText('Tersimpan');
	await expect(equipment.getByLabel('Pemberitahuan minimum (menit)')).toHaveValue('120');

	// A new camera starts with the park's rules.
	await page.goto('/sites/cimahi-techno-park/facilities/new');
	await page.getByLabel('Nama', { exact: true }).fill('Kamera Sony A7 IV');
	await page.getByLabel('Slug (alamat URL)').fill('kamera-a7');
	await page.getByLabel('Jenis', { exact: true }).selectOption('camera');
	await page.getByRole('button', { name: 'Tambah fasilitas' }).click();
	await expect(page.getByRole('heading', { name: 'Kamera Sony A7 IV' })).toBeVisible();
	await expect(page.getByText(/Pesan paling lambat 2 jam sebelumnya/)).toBeVisible();
});
