import { sql } from 'drizzle-orm';
import { pgTable, text, uuid, timestamp, jsonb, bigserial, integer, index, pgEnum } from 'drizzle-orm/pg-core';
import { user } from '../auth/schema.ts';

/**
 * Append-only audit log. A trigger (migration 0001) rejects UPDATE and DELETE, so not even the
 * application can rewrite history. `site_id` is not a foreign key: the record outlives the site.
 */
export const auditLog = pgTable(
	'audit_log',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
		actorId: text('actor_id'),
		actorLabel: text('actor_label').notNull(),
		action: text('action').notNull(),
		outcome: text('outcome').$type<'ok' | 'denied'>().notNull().default('ok'),
		siteId: uuid('site_id'),
		targetType: text('target_type'),
		targetId: text('target_id'),
		before: jsonb('before'),
		after: jsonb('after'),
		requestId: text('request_id')
	},
	(t) => [index('audit_site_at_idx').on(t.siteId, t.at), index('audit_at_idx').on(t.at)]
);

export const outboxStatus = pgEnum('outbox_status', ['pending', 'sent', 'failed', 'kept']);

/** Domain events and e-mails waiting for the worker. Delivered with retries, never in a request. */
export const outbox = pgTable(
	'outbox',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		kind: text('kind').notNull(),
		payload: jsonb('payload').notNull(),
		status: outboxStatus('status').notNull().default('pending'),
		attempts: integer('attempts').notNull().default(0),
		runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
		lastError: text('last_error'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		doneAt: timestamp('done_at', { withTimezone: true })
	},
	(t) => [index('outbox_due_idx').on(t.runAt).where(sql`${t.status} = 'pending'`)]
);

/** Personal API tokens. Only a SHA-256 of the secret is stored; the secret is shown once. */
export const apiToken = pgTable(
	'api_token',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		prefix: text('prefix').notNull(),
		tokenHash: text('token_hash').notNull().unique(),
		scope: text('scope').$type<'read' | 'write'>().notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
		expiresAt: timestamp('expires_at', { withTimezone: true }),
		revokedAt: timestamp('revoked_at', { withTimezone: true })
	},
	(t) => [index('api_token_user_idx').on(t.userId)]
);
