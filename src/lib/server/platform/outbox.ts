import { outbox } from './schema.ts';
import type { Tx } from '../db/client.ts';

export interface EmailPayload {
	to: string;
	subject: string;
	text: string;
	html?: string;
	/** Small text attachments, e.g. a booking as an iCalendar file. */
	attachments?: { filename: string; contentType: string; content: string }[];
}

/**
 * Record work for the worker inside the caller's transaction: if the change rolls back, so does
 * the e-mail or event. Nothing is sent from a request.
 */
export async function enqueue(tx: Tx, kind: 'email', payload: EmailPayload): Promise<void>;
export async function enqueue(tx: Tx, kind: 'event', payload: { type: string; [k: string]: unknown }): Promise<void>;
export async function enqueue(tx: Tx, kind: string, payload: object): Promise<void> {
	await tx.insert(outbox).values({ kind, payload });
}
