import { sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import { db, type Db } from '../db/client.ts';
import type { EmailPayload } from './outbox.ts';
import { log } from '../log.ts';
import type { Config } from '../config.ts';
import { bookingReminders, releaseNoShows } from '../facilities/booking.service.ts';
import { loanReminders } from '../facilities/loan.service.ts';
import { milestoneReminders } from '../incubation/cohort.service.ts';
import { kpiReminders } from '../incubation/kpi.service.ts';
import { sessionReminders } from '../incubation/mentoring.service.ts';

const MAX_ATTEMPTS = 8;
/** 10 s, 20 s, 40 s … capped at one hour. */
export const backoffSeconds = (attempts: number) => Math.min(3600, 10 * 2 ** Math.max(0, attempts - 1));

interface Row {
	id: number;
	kind: string;
	payload: unknown;
	attempts: number;
}

/**
 * Deliver due outbox rows. Rows are claimed with FOR UPDATE SKIP LOCKED, so several workers (in
 * several app processes) never deliver one row twice. Without SMTP, e-mails are kept (status
 * `kept`) and readable at /dev/mail; events are marked sent (webhooks arrive in a later issue).
 */
export async function runOnce(database: Db, transport: Transporter | undefined, from: string, batch = 20): Promise<number> {
	return database.transaction(async (tx) => {
		const res = await tx.execute(sql`
			SELECT id, kind, payload, attempts FROM outbox
			WHERE status = 'pending' AND run_at <= now()
			ORDER BY id LIMIT ${batch} FOR UPDATE SKIP LOCKED`);
		const rows = res.rows as unknown as Row[];
		for (const row of rows) {
			try {
				let status: 'sent' | 'kept' = 'sent';
				if (row.kind === 'email') {
					const mail = row.payload as EmailPayload;
					if (transport) await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, attachments: mail.attachments });
					else status = 'kept';
				}
				await tx.execute(sql`UPDATE outbox SET status = ${status}, attempts = attempts + 1, done_at = now(), last_error = NULL WHERE id = ${row.id}`);
			} catch (e) {
				const attempts = row.attempts + 1;
				const failed = attempts >= MAX_ATTEMPTS;
				log.warn({ err: e, outboxId: row.id, attempts }, 'outbox delivery failed');
				await tx.execute(sql`
					UPDATE outbox SET attempts = ${attempts}, last_error = ${String((e as Error).message ?? e).slice(0, 500)},
					status = ${failed ? 'failed' : 'pending'},
					run_at = now() + make_interval(secs => ${backoffSeconds(attempts)})
					WHERE id = ${row.id}`);
			}
		}
		return rows.length;
	});
}

export function createTransport(config: Config): Transporter | undefined {
	return config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : undefined;
}

/**
 * Timed work of the domains, run by the worker about once a minute: release bookings nobody
 * checked in to, remind bookers the day before, borrowers of equipment due or overdue, and startups
 * of overdue milestones and KPI reports due or overdue, mentors and startups of tomorrow's sessions. Each step is safe to run in several workers
 * at once (guarded updates, SKIP LOCKED, reminders recorded once).
 */
export async function runChores(now = new Date()): Promise<Record<string, number>> {
	return { released: await releaseNoShows(now), bookingReminders: await bookingReminders(now), loanReminders: await loanReminders(now), milestoneReminders: await milestoneReminders(now), kpiReminders: await kpiReminders(now), sessionReminders: await sessionReminders(now) };
}

/** Poll the outbox until stopped, and run the chores every `choresMs`. Returns a stop function that waits for the current round. */
export function startWorker(config: Config, intervalMs = 1000, choresMs = 60_000): () => Promise<void> {
	const transport = createTransport(config);
	let stopped = false;
	let current: Promise<unknown> = Promise.resolve();
	let choresAt = 0;
	const tick = async () => {
		if (stopped) return;
		const chores = Date.now() - choresAt >= choresMs;
		if (chores) choresAt = Date.now();
		current = (async () => {
			if (chores) {
				const done = await runChores();
				if (Object.values(done).some(Boolean)) log.info(done, 'worker chores');
			}
			await runOnce(db(), transport, config.mailFrom);
		})().catch((e: unknown) => log.error({ err: e }, 'worker round failed'));
		await current;
		if (!stopped) timer = setTimeout(() => void tick(), intervalMs);
	};
	let timer = setTimeout(() => void tick(), 200);
	return async () => {
		stopped = true;
		clearTimeout(timer);
		await current;
		transport?.close();
	};
}
