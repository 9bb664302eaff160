import { auditLog } from './schema.ts';
import type { Tx } from '../db/client.ts';
import { currentRequestId } from './context.ts';
import type { Actor } from '../auth/actor.ts';

export interface AuditEntry {
	action: string;
	siteId?: string | null;
	targetType?: string;
	targetId?: string;
	before?: unknown;
	after?: unknown;
	outcome?: 'ok' | 'denied';
}

export function actorLabel(actor: Actor): string {
	if (actor.kind === 'user') return actor.email;
	return actor.kind;
}

/** Append one record. Call inside the transaction of the change, so both land or neither. */
export async function audit(tx: Tx, actor: Actor, entry: AuditEntry): Promise<void> {
	await tx.insert(auditLog).values({
		actorId: actor.kind === 'user' ? actor.userId : null,
		actorLabel: actorLabel(actor),
		action: entry.action,
		outcome: entry.outcome ?? 'ok',
		siteId: entry.siteId ?? null,
		targetType: entry.targetType ?? null,
		targetId: entry.targetId ?? null,
		before: entry.before ?? null,
		after: entry.after ?? null,
		requestId: currentRequestId() ?? null
	});
}
