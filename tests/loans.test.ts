import { describe, it, expect, beforeAll } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestDb } from './db.ts';
import { makeSite, makeUser, makeResource, makeBooking, auditCount, countRows, refusal, mailsTo } from './factories.ts';
import { db } from '../src/lib/server/db/client.ts';
import { loan, maintenance, photo, qualification, resource } from '../src/lib/server/facilities/schema.ts';
import { checkOut, returnLoan, findLoans, loanReminders, addMaintenance, maintenanceOf, utilisationReport, getPhoto } from '../src/lib/server/facilities/loan.service.ts';
import { availability, createBooking, freeResources } from '../src/lib/server/facilities/booking.service.ts';
import { grantQualification } from '../src/lib/server/facilities/qualification.service.ts';
import { AppError } from '../src/lib/server/platform/errors.ts';
import type { UserActor } from '../src/lib/server/auth/actor.ts';
import type { RequestEvent } from '@sveltejs/kit';

useTestDb();



const hours = (h: number, from = Date.now()) => new Date(from + h * 3600_000);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

describe('equipment loans', () => {
	let batam: { id: string; slug: string };
	let other: { id: string; slug: string };
	let staff: UserActor;
	let borrower: UserActor;

	beforeAll(async () => {
		batam = await makeSite({ name: 'Pusat Desain Ponsel Batam', timeZone: 'Asia/Jakarta', provinceCode: '21', regencyCode: '21.71' });
		other = await makeSite();
		staff = await makeUser('site_staff', batam.id);
		borrower = await makeUser('member', batam.id);
	});

	const camera = (over: Partial<typeof resource.$inferInsert> = {}) =>
		makeResource(batam.id, { kind: 'camera', class: 'equipment', name: 'Kamera Sony FX3', assetTag: 'KMP-BTM-017', fundingSource: 'Bantuan Kemenperin 2024', condition: 'good', maxDaysAhead: 30, ...over });

	it('staff check a camera out and back in: conditions, photos, audit and e-mails are recorded', async () => {
		const item = await camera();
		const due = hours(72);
		const out = await checkOut(staff, { resourceId: item.id, email: borrower.email, dueAt: due.toISOString(), condition: 'good', note: 'Lengkap dengan 2 baterai' }, { type: 'image/png', data: PNG });
		expect(out).toMatchObject({ resourceName: 'Kamera Sony FX3', assetTag: 'KMP-BTM-017', userId: borrower.userId, conditionOut: 'good', returnedAt: null, overdue: false });
		expect(out.photoOut).toBeTruthy();
		expect((await getPhoto(staff, out.photoOut!)).mime).toBe('image/png');
		expect((await refusal(getPhoto(borrower, out.photoOut!))).code).toBe('FORBIDDEN');
		expect((await findLoans(borrower, {})).map((l) => l.id)).toEqual([out.id]);
		expect((await findLoans(staff, { site: batam.slug, status: 'open' })).some((l) => l.id === out.id)).toBe(true);

		const back = await returnLoan(staff, out.id, { condition: 'needs_repair', note: 'Layar retak' });
		expect(back).toMatchObject({ conditionIn: 'needs_repair', noteIn: 'Layar retak' });
		expect(back.returnedAt).toBeTruthy();
		const [after] = await db().select().from(resource).where(eq(resource.id, item.id));
		expect(after!.condition).toBe('needs_repair');
		expect(await auditCount('loan.check_out')).toBeGreaterThan(0);
		expect(await auditCount('loan.return')).toBeGreaterThan(0);
		const subjects = (await mailsTo(borrower.email)).map((m) => m.subject);
		expect(subjects).toContain('Peminjaman: Kamera Sony FX3');
		expect(subjects).toContain('Sudah dikembalikan: Kamera Sony FX3');
		// A second check-in is refused; the loan is unchanged.
		expect((await refusal(returnLoan(staff, out.id, { condition: 'good' }))).key).toBe('err_loan_returned');
	});

	it('one open loan per item, even when two desks check it out at once', async () => {
		const item = await camera();
		const other1 = await makeUser('member', batam.id);
		const input = (email: string) => ({ resourceId: item.id, email, dueAt: hours(24).toISOString(), condition: 'good' });
		const results = await Promise.allSettled([checkOut(staff, input(borrower.email)), checkOut(staff, input(other1.email))]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		const refused = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
		expect((refused.reason as AppError).key).toBe('err_loan_already_out');
		expect((await db().select().from(loan).where(eq(loan.resourceId, item.id))).length).toBe(1);
	});

	it('loans and bookings of one item never overlap, whichever comes first', async () => {
		const item = await camera({ noticeMinutes: 0, alwaysOpen: true, slotMinutes: 60, minMinutes: 60 });
		// A booking tomorrow blocks a three-day loan.
		const start = new Date(Math.ceil(hours(26).getTime() / 3600_000) * 3600_000);
		await makeBooking(item.id, batam.id, borrower.userId, start, hours(2, start.getTime()));
		const blocked = await refusal(checkOut(staff, { resourceId: item.id, email: borrower.email, dueAt: hours(72).toISOString(), condition: 'good' }));
		expect(blocked.code).toBe('CONFLICT');
		expect(blocked.key).toBe('err_loan_booked');
		// A loan until before the booking is fine; booking while it is out is refused.
		const out = await checkOut(staff, { resourceId: item.id, email: borrower.email, dueAt: hours(20).toISOString(), condition: 'good' });
		const inLoan = new Date(Math.ceil(hours(3).getTime() / 3600_000) * 3600_000);
		const refused = await refusal(createBooking(borrower, { resourceId: item.id, startsAt: inLoan.toISOString(), endsAt: hours(1, inLoan.getTime()).toISOString() }));
		expect(refused.code).toBe('CONFLICT');
		expect(refused.key).toBe('err_booking_on_loan');
		// The calendar shows it out, and "what is free" leaves it out.
		const today = new Date().toISOString().slice(0, 10);
		const week = await availability(borrower, item.id, { from: today, to: new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10) });
		expect(week.days.some((d) => d.loans.length > 0)).toBe(true);
		expect(await freeResources(batam.id, inLoan, hours(1, inLoan.getTime()))).not.toContain(item.id);
		await returnLoan(staff, out.id, { condition: 'good' });
	});

	it('refusals name the problem and write nothing', async () => {
		const item = await camera();
		const room = await makeResource(batam.id);
		const before = await countRows(loan);
		const photos = await countRows(photo);
		const base = { resourceId: item.id, email: borrower.email, dueAt: hours(24).toISOString(), condition: 'good' };
		expect((await refusal(checkOut(staff, { ...base, resourceId: room.id }))).fields[0]).toMatchObject({ field: 'resourceId', key: 'err_loan_not_portable' });
		expect((await refusal(checkOut(staff, { ...base, dueAt: hours(-1).toISOString() }))).fields[0]).toMatchObject({ field: 'dueAt', key: 'err_loan_due_past' });
		expect((await refusal(checkOut(staff, { ...base, dueAt: hours(24 * 40).toISOString() }))).fields[0]).toMatchObject({ field: 'dueAt', key: 'err_booking_too_far' });
		expect((await refusal(checkOut(staff, { ...base, email: 'tidak.ada@example.id' }))).fields[0]).toMatchObject({ field: 'email', key: 'err_user_not_found' });
		expect((await refusal(checkOut(staff, { ...base, condition: 'rusak' }))).fields[0]?.field).toBe('condition');
		expect((await refusal(checkOut(staff, base, { type: 'image/png', data: new TextEncoder().encode('<svg onload=alert(1)>') }))).fields[0]).toMatchObject({ field: 'photo', key: 'err_photo_type' });
		expect((await refusal(checkOut(staff, base, { type: 'image/jpeg', data: new Uint8Array(5 * 1024 * 1024 + 1).fill(0xff) }))).fields[0]).toMatchObject({ field: 'photo', key: 'err_photo_size' });
		// Not staff here: a member, and the staff of another park.
		const denied = await auditCount(undefined, 'denied');
		expect((await refusal(checkOut(borrower, base))).code).toBe('FORBIDDEN');
		expect((await refusal(checkOut(await makeUser('site_staff', other.id), base))).code).toBe('FORBIDDEN');
		expect(await auditCount(undefined, 'denied')).toBe(denied + 2);
		expect(await countRows(loan)).toBe(before);
		expect(await countRows(photo)).toBe(photos);
	});

	it('a training-gated item is lent only to a holder of the qualification', async () => {
		const [q] = await db().insert(qualification).values({ siteId: batam.id, name: 'Induksi keselamatan printer 3D' }).returning();
		const printer = await camera({ kind: 'printer_3d', name: 'Printer 3D Prusa', qualificationId: q!.id });
		const input = { resourceId: printer.id, email: borrower.email, dueAt: hours(24).toISOString(), condition: 'good' };
		const refused = await refusal(checkOut(staff, input));
		expect(refused.code).toBe('FORBIDDEN');
		expect(refused.params.name).toBe('Induksi keselamatan printer 3D');
		await grantQualification(staff, q!.id, { email: borrower.email });
		expect((await checkOut(staff, input)).resourceName).toBe('Printer 3D Prusa');
	});

	it('the worker reminds the day before, then once a day while overdue', async () => {
		const person = await makeUser('member', batam.id);
		const item = await camera({ name: 'Kit VR Meta Quest' });
		const out = await checkOut(staff, { resourceId: item.id, email: person.email, dueAt: hours(10).toISOString(), condition: 'good' });
		const subjects = async () => (await mailsTo(person.email)).map((m) => m.subject);
		await loanReminders();
		await loanReminders();
		expect((await subjects()).filter((s) => s.startsWith('Besok dikembalikan'))).toHaveLength(1);
		// Eleven hours later it is overdue: one e-mail now, none an hour later, another a day later.
		await loanReminders(hours(11));
		await loanReminders(hours(12));
		expect((await subjects()).filter((s) => s.startsWith('Terlambat'))).toHaveLength(1);
		await loanReminders(hours(36));
		expect((await subjects()).filter((s) => s.startsWith('Terlambat'))).toHaveLength(2);
		expect((await findLoans(staff, { site: batam.slug, status: 'overdue' }, hours(11))).map((l) => l.id)).toContain(out.id);
		await returnLoan(staff, out.id, { condition: 'good' }, undefined, hours(40));
		await loanReminders(hours(72));
		expect((await subjects()).filter((s) => s.startsWith('Terlambat'))).toHaveLength(2);
	});

	it('maintenance records and the utilisation report add up per item and funding source', async () => {
		const site = await makeSite({ timeZone: 'Asia/Jakarta' });
		const desk = await makeUser('site_manager', site.id);
		const person = await makeUser('member', site.id);
		const [a] = await db().insert(resource).values({ siteId: site.id, slug: 'kamera-a', name: 'Kamera A', kind: 'camera', class: 'equipment', fundingSource: 'Bantuan Kemenperin 2024', condition: 'good' }).returning();
		const [b] = await db().insert(resource).values({ siteId: site.id, slug: 'laptop-b', name: 'Laptop B', kind: 'laptop', class: 'equipment', fundingSource: 'APBD Kota', condition: 'good' }).returning();
		await db().insert(resource).values({ siteId: site.id, slug: 'aula', name: 'Aula', kind: 'hall', class: 'space' });
		// Kamera A: out 1–3 November (2 days), returned a day late; Laptop B: out 2 November, 12:00–18:00.
		await db()
			.insert(loan)
			.values([
				{ resourceId: a!.id, siteId: site.id, userId: person.userId, checkedOutAt: new Date('2026-11-01T01:00:00Z'), dueAt: new Date('2026-11-02T01:00:00Z'), returnedAt: new Date('2026-11-03T01:00:00Z'), conditionOut: 'good', conditionIn: 'good' },
				{ resourceId: b!.id, siteId: site.id, userId: person.userId, checkedOutAt: new Date('2026-11-02T05:00:00Z'), dueAt: new Date('2026-11-02T11:00:00Z'), returnedAt: new Date('2026-11-02T11:00:00Z'), conditionOut: 'good', conditionIn: 'good' }
			]);
		await makeBooking(a!.id, site.id, person.userId, new Date('2026-11-10T02:00:00Z'), new Date('2026-11-10T05:00:00Z'));
		await addMaintenance(desk, a!.id, { performedOn: '2026-11-05', kind: 'repair', description: 'Ganti port HDMI', costIdr: 750000, performedBy: 'Servis resmi Sony', conditionAfter: 'fair' });
		expect((await maintenanceOf(desk, a!.id))[0]).toMatchObject({ kind: 'repair', costIdr: 750000 });
		expect((await refusal(addMaintenance(desk, a!.id, { performedOn: '2026-11-05', kind: 'repair', description: '', costIdr: -5 }))).fields.map((f) => f.field).sort()).toEqual(['costIdr', 'description']);
		expect(await countRows(maintenance)).toBeGreaterThan(0);

		const report = await utilisationReport(desk, site.id, { from: '2026-11-01', to: '2026-11-30' });
		expect(report.items.map((i) => i.name)).toEqual(['Laptop B', 'Kamera A']); // by funding source: APBD before Bantuan
		expect(report.items.find((i) => i.name === 'Kamera A')).toMatchObject({ loans: 1, loanDays: 2, lateReturns: 1, bookedHours: 3, maintenanceCount: 1, maintenanceCostIdr: 750000, condition: 'fair' });
		expect(report.items.find((i) => i.name === 'Laptop B')).toMatchObject({ loans: 1, loanDays: 0.3, lateReturns: 0, bookedHours: 0 });
		// The period cuts the loan: only 2 November counts (local dates, WIB).
		const oneDay = await utilisationReport(desk, site.id, { from: '2026-11-02', to: '2026-11-02' });
		expect(oneDay.items.find((i) => i.name === 'Kamera A')!.loanDays).toBe(1);
		expect((await refusal(utilisationReport(person, site.id, { from: '2026-11-01', to: '2026-11-30' }))).code).toBe('FORBIDDEN');
		expect((await refusal(utilisationReport(desk, site.id, { from: '2026-11-30', to: '2026-11-01' }))).fields[0]?.field).toBe('to');
	});

	it('the API takes the photo as multipart/form-data, checked like the form\'s, with the same fields as JSON', async () => {
		const { POST: out } = await import('../src/routes/api/v1/loans/+server.ts');
		const { POST: back } = await import('../src/routes/api/v1/loans/[id]/return/+server.ts');
		const item = await camera({ name: 'Kamera Canon R6', assetTag: 'KMP-BTM-021' });
		const send = (handler: (e: RequestEvent) => Promise<Response>, path: string, form: FormData, params: Record<string, string> = {}) => {
			const url = new URL(`http://taman.test/api/v1${path}`);
			return handler({ request: new Request(url, { method: 'POST', body: form }), url, params, locals: { actor: { ...staff, via: 'token' }, locale: 'en', requestId: 't', theme: '' } } as unknown as RequestEvent);
		};
		const fields = (extra: Record<string, string | Blob>) => {
			const f = new FormData();
			for (const [k, v] of Object.entries({ resourceId: item.id, email: borrower.email, dueAt: hours(48).toISOString(), condition: 'good', organizationId: '', ...extra })) f.append(k, v);
			return f;
		};
		const before = await countRows(loan);
		const bad = await send(out, '/loans', fields({ photo: new Blob([new TextEncoder().encode('bukan gambar')], { type: 'image/jpeg' }) }));
		expect(bad.status).toBe(422);
		expect(((await bad.json()) as { errors: { field: string }[] }).errors[0]!.field).toBe('photo');
		expect(await countRows(loan)).toBe(before);
		const made = await send(out, '/loans', fields({ photo: new Blob([PNG], { type: 'image/png' }) }));
		expect(made.status).toBe(201);
		const l = (await made.json()) as { id: string; photoOut: string };
		expect((await getPhoto(staff, l.photoOut)).mime).toBe('image/png');
		const f = new FormData();
		f.append('condition', 'fair');
		f.append('note', 'Lensa tergores');
		f.append('photo', new Blob([PNG], { type: 'image/png' }));
		const returned = await send(back, `/loans/${l.id}/return`, f, { id: l.id });
		expect(returned.status).toBe(200);
		expect(await returned.json()).toMatchObject({ conditionIn: 'fair', photoIn: expect.any(String) });
	});
});

describe('the worker', () => {
	it('releases no-shows and reminds borrowers on its own, without anyone calling the services', async () => {
		const { startWorker } = await import('../src/lib/server/platform/worker.ts');
		const { readConfig } = await import('../src/lib/server/config.ts');
		const { booking } = await import('../src/lib/server/facilities/schema.ts');
		const site = await makeSite();
		const person = await makeUser('member', site.id);
		const room = await makeResource(site.id);
		const start = new Date(Math.floor(Date.now() / 60000) * 60000 - 30 * 60000);
		const noShow = await makeBooking(room.id, site.id, person.userId, start, new Date(start.getTime() + 3600_000));
		const item = await makeResource(site.id, { kind: 'camera', class: 'equipment', name: 'Kamera Worker' });
		await db().insert(loan).values({ resourceId: item.id, siteId: site.id, userId: person.userId, checkedOutAt: hours(-48), dueAt: hours(-2), conditionOut: 'good' });
		const stop = startWorker(readConfig(), 50, 50);
		try {
			for (let i = 0; i < 100; i++) {
				const [b] = await db().select({ status: booking.status }).from(booking).where(eq(booking.id, noShow.id));
				if (b!.status === 'released' && (await mailsTo(person.email)).some((m) => m.subject === 'Terlambat dikembalikan: Kamera Worker')) break;
				await new Promise((r) => setTimeout(r, 100));
			}
		} finally {
			await stop();
		}
		const [b] = await db().select({ status: booking.status }).from(booking).where(eq(booking.id, noShow.id));
		expect(b!.status).toBe('released');
		expect((await mailsTo(person.email)).map((m) => m.subject)).toContain('Terlambat dikembalikan: Kamera Worker');
	});
});
