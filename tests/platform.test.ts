import fs from 'node:fs';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { SMTPServer } from 'smtp-server';
import nodemailer, { type Transporter } from 'nodemailer';
import { useTestDb } from './db.ts';
import { db } from '../src/lib/server/db/client.ts';
import { outbox } from '../src/lib/server/platform/schema.ts';
import { enqueue } from '../src/lib/server/platform/outbox.ts';
import { runOnce, backoffSeconds } from '../src/lib/server/platform/worker.ts';
import { toCsv, toXlsx, type Column } from '../src/lib/server/platform/export.ts';

useTestDb();

/** A real SMTP server on loopback that refuses the first `failures` messages with 451. */
function smtp(failures: number) {
	const received: { to: string[]; raw: string }[] = [];
	let refused = 0;
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, session, done) {
			let raw = '';
			stream.on('data', (c: Buffer) => (raw += c.toString()));
			stream.on('end', () => {
				if (refused < failures) {
					refused++;
					const err = Object.assign(new Error('Mailbox busy, try later'), { responseCode: 451 });
					return done(err);
				}
				received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
				done();
			});
		}
	});
	return {
		received,
		listen: () => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.server.address() as { port: number }).port))),
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}

const mail = (to: string) => ({ to, subject: 'Undangan menjadi Mentor di Cimahi Techno Park', text: 'Halo, Anda diundang.' });
const makeDue = () => db().execute(sql`UPDATE outbox SET run_at = now() WHERE status = 'pending'`);
const rowOf = async (to: string) => (await db().select().from(outbox)).find((r) => (r.payload as { to: string }).to === to)!;

describe('outbox worker over SMTP', () => {
	const server = smtp(2);
	let transport: Transporter;
	beforeAll(async () => {
		const port = await server.listen();
		transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
	});
	afterAll(async () => {
		transport.close();
		await server.close();
	});

	it('retries a refused e-mail with growing backoff, then delivers it once', async () => {
		await db().transaction((tx) => enqueue(tx, 'email', mail('mentor@example.id')));

		await runOnce(db(), transport, 'Taman <noreply@taman.test>');
		let row = await rowOf('mentor@example.id');
		expect(row.status).toBe('pending');
		expect(row.attempts).toBe(1);
		expect(row.lastError).toContain('Mailbox busy');
		const wait1 = (row.runAt.getTime() - Date.now()) / 1000;
		expect(wait1).toBeGreaterThan(backoffSeconds(1) - 3);
		expect(wait1).toBeLessThanOrEqual(backoffSeconds(1) + 1);

		// Not due yet: a second round leaves it alone.
		await runOnce(db(), transport, 'Taman <noreply@taman.test>');
		expect((await rowOf('mentor@example.id')).attempts).toBe(1);

		await makeDue();
		await runOnce(db(), transport, 'Taman <noreply@taman.test>');
		row = await rowOf('mentor@example.id');
		expect(row.attempts).toBe(2);
		expect((row.runAt.getTime() - Date.now()) / 1000).toBeGreaterThan(backoffSeconds(2) - 3);

		await makeDue();
		await runOnce(db(), transport, 'Taman <noreply@taman.test>');
		row = await rowOf('mentor@example.id');
		expect(row.status).toBe('sent');
		expect(row.attempts).toBe(3);
		expect(row.lastError).toBeNull();
		expect(server.received).toHaveLength(1);
		expect(server.received[0]!.to).toEqual(['mentor@example.id']);
		expect(server.received[0]!.raw).toContain('Subject: Undangan menjadi Mentor di Cimahi Techno Park');

		// Delivered rows are never sent again.
		await makeDue();
		await runOnce(db(), transport, 'Taman <noreply@taman.test>');
		expect(server.received).toHaveLength(1);
	});

	it('gives up after eight failed attempts and marks the e-mail failed', async () => {
		const dead = nodemailer.createTransport({ host: '127.0.0.1', port: 1, secure: false, connectionTimeout: 500 });
		await db().transaction((tx) => enqueue(tx, 'email', mail('tidak-sampai@example.id')));
		for (let i = 0; i < 8; i++) {
			await makeDue();
			await runOnce(db(), dead, 'Taman <noreply@taman.test>');
		}
		const row = await rowOf('tidak-sampai@example.id');
		expect(row.status).toBe('failed');
		expect(row.attempts).toBe(8);
		await makeDue();
		await runOnce(db(), dead, 'Taman <noreply@taman.test>');
		expect((await rowOf('tidak-sampai@example.id')).attempts).toBe(8);
	});

	it('keeps e-mails readable in the outbox when no SMTP server is configured', async () => {
		await db().transaction((tx) => enqueue(tx, 'email', mail('simpan@example.id')));
		await runOnce(db(), undefined, 'Taman <noreply@taman.test>');
		expect((await rowOf('simpan@example.id')).status).toBe('kept');
	});

	it('an e-mail enqueued in a transaction that rolls back is never sent', async () => {
		await expect(
			db().transaction(async (tx) => {
				await enqueue(tx, 'email', mail('batal@example.id'));
				throw new Error('rollback');
			})
		).rejects.toThrow('rollback');
		expect(await db().select().from(outbox).where(eq(sql`${outbox.payload}->>'to'`, 'batal@example.id'))).toHaveLength(0);
	});
});

describe('exports', () => {
	interface Row { name: string; kota: string; n: number }
	const rows: Row[] = [
		{ name: 'Kopi Kode, PT', kota: 'Cimahi', n: 3 },
		{ name: '=HYPERLINK("http://jahat")', kota: 'Denpasar "Bali"', n: 0 },
		{ name: 'Studio Ñusantara', kota: 'Makassar\nSulsel', n: 12 }
	];
	const columns: Column<Row>[] = [
		{ key: 'name', header: 'Nama', value: (r) => r.name },
		{ key: 'kota', header: 'Kota', value: (r) => r.kota },
		{ key: 'n', header: 'Jumlah', value: (r) => r.n }
	];

	it('CSV opens in Excel as UTF-8, quotes what needs quoting and defuses formulas', () => {
		const csv = toCsv(rows, columns);
		expect(csv.startsWith('\ufeffNama,Kota,Jumlah\r\n')).toBe(true);
		expect(csv).toContain('"Kopi Kode, PT",Cimahi,3\r\n');
		expect(csv).toContain(`"'=HYPERLINK(""http://jahat"")","Denpasar ""Bali""",0\r\n`);
		expect(csv).toContain('Studio Ñusantara,"Makassar\nSulsel",12\r\n');
	});

	it('XLSX holds the same rows with a header', async () => {
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load((await toXlsx(rows, columns, 'Organisasi')).buffer as ArrayBuffer);
		const ws = wb.getWorksheet('Organisasi')!;
		expect(ws.getRow(1).values).toEqual([undefined, 'Nama', 'Kota', 'Jumlah']);
		expect(ws.getRow(2).values).toEqual([undefined, 'Kopi Kode, PT', 'Cimahi', 3]);
		expect(ws.getRow(4).values).toEqual([undefined, 'Studio Ñusantara', 'Makassar\nSulsel', 12]);
		expect(ws.rowCount).toBe(4);
	});
});

describe('messages', () => {
	const read = (l: string) => JSON.parse(fs.readFileSync(new URL(`../messages/${l}.json`, import.meta.url), 'utf8')) as Record<string, string>;
	const id = read('id');
	const en = read('en');
	const keys = (m: Record<string, string>) => Object.keys(m).filter((k) => k !== '$schema');

	it('Bahasa Indonesia and English have exactly the same keys, none empty', () => {
		expect(keys(en).filter((k) => !(k in id)), 'in en, missing from id').toEqual([]);
		expect(keys(id).filter((k) => !(k in en)), 'in id, missing from en').toEqual([]);
		expect(keys(id).filter((k) => !id[k]!.trim() || !en[k]!.trim()), 'empty').toEqual([]);
	});

	it('both languages use the same placeholders in every message', () => {
		const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
		expect(keys(id).filter((k) => JSON.stringify(params(id[k]!)) !== JSON.stringify(params(en[k]!)))).toEqual([]);
	});
});

describe('validation errors', () => {
	it('a value of the wrong type is named as such, a missing one as required', async () => {
		const { parse } = await import('../src/lib/schemas/validate.ts');
		const { zCreateOrg } = await import('../src/lib/schemas/directory.ts');
		try {
			parse(zCreateOrg, { name: 12, kind: 'startup' });
			expect.unreachable();
		} catch (e) {
			const fields = Object.fromEntries((e as { fields: { field: string; key: string }[] }).fields.map((f) => [f.field, f.key]));
			expect(fields.name).toBe('err_field_type');
			expect(fields.slug).toBe('err_field_required');
		}
	});
});
