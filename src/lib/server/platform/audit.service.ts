import { and, desc, eq, lt, gte, lte, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '../db/client.ts';
import { auditLog } from './schema.ts';
import { site } from '../directory/schema.ts';
import { Permission, requireAccess } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { parse } from '../../schemas/validate.ts';
import { AppError } from './errors.ts';
import type { Page } from '../../schemas/common.ts';
import { getSiteRow } from '../directory/site.service.ts';

export const zAuditQuery = z.object({
	site: z.string().max(60).optional(),
	action: z.string().max(60).optional(),
	outcome: z.enum(['ok', 'denied']).optional(),
	from: z.iso.datetime({ offset: true }).optional(),
	to: z.iso.datetime({ offset: true }).optional()
});

export interface AuditRecord {
	id: number;
	at: string;
	actor: string;
	action: string;
	outcome: string;
	siteId: string | null;
	siteName: string | null;
	targetType: string | null;
	targetId: string | null;
	before: unknown;
	after: unknown;
	requestId: string | null;
}

/**
 * Newest first. Site managers read their site's records; network admins read everything.
 * The cursor is the last id seen (ids only grow).
 */
export async function findAudit(actor: Actor, query: unknown, p: Page) {
	const q = parse(zAuditQuery, query);
	const where: (SQL | undefined)[] = [];
	if (q.site) {
		const s = await getSiteRow(q.site);
		await requireAccess(actor, Permission.AuditRead, { siteId: s.id });
		where.push(eq(auditLog.siteId, s.id));
	} else await requireAccess(actor, Permission.AuditReadAll, null);
	if (q.action) where.push(eq(auditLog.action, q.action));
	if (q.outcome) where.push(eq(auditLog.outcome, q.outcome));
	if (q.from) where.push(gte(auditLog.at, new Date(q.from)));
	if (q.to) where.push(lte(auditLog.at, new Date(q.to)));
	if (p.cursor) {
		const id = Number(Buffer.from(p.cursor, 'base64url').toString());
		if (!Number.isInteger(id)) throw new AppError('BAD_REQUEST', 'err_cursor');
		where.push(lt(auditLog.id, id));
	}
	const rows = await db()
		.select({ a: auditLog, siteName: site.name })
		.from(auditLog)
		.leftJoin(site, eq(site.id, auditLog.siteId))
		.where(and(...where))
		.orderBy(desc(auditLog.id))
		.limit(p.limit + 1);
	const more = rows.length > p.limit;
	const items: AuditRecord[] = rows.slice(0, p.limit).map(({ a, siteName }) => ({
		id: a.id,
		at: a.at.toISOString(),
		actor: a.actorLabel,
		action: a.action,
		outcome: a.outcome,
		siteId: a.siteId,
		siteName,
		targetType: a.targetType,
		targetId: a.targetId,
		before: redact(a.before),
		after: redact(a.after),
		requestId: a.requestId
	}));
	const last = items[items.length - 1];
	return { items, nextCursor: more && last ? Buffer.from(String(last.id)).toString('base64url') : null };
}

const secretKeys = new Set(['password', 'tokenHash', 'token', 'npwp']);
/** Before/after images are whole rows: never show secrets or tax numbers in the log viewer. */
function redact(v: unknown): unknown {
	if (!v || typeof v !== 'object') return v;
	return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, secretKeys.has(k) ? '•••' : x]));
}
