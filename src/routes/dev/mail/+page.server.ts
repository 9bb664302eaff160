import { error } from '@sveltejs/kit';
import { desc, eq } from 'drizzle-orm';
import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db/client';
import { outbox } from '$lib/server/platform/schema';
import { readConfig } from '$lib/server/config';
import type { EmailPayload } from '$lib/server/platform/outbox';

/** E-mail kept in the outbox, readable in development and demo mode only. */
export const load: PageServerLoad = async () => {
	if (!readConfig().demo) error(404, 'Not found');
	const rows = await db().select().from(outbox).where(eq(outbox.kind, 'email')).orderBy(desc(outbox.id)).limit(50);
	return {
		mails: rows.map((r) => {
			const { attachments, ...mail } = r.payload as EmailPayload;
			return { id: r.id, status: r.status, createdAt: r.createdAt.toISOString(), ...mail, attachments: (attachments ?? []).map((a) => a.filename) };
		})
	};
};
