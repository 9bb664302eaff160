import { and, asc, desc, eq, gte, inArray, isNull, lt } from 'drizzle-orm';
import crypto from 'node:crypto';
import { db } from '../db/client.ts';
import { booking, calendarFeed, holdingStatuses, loan, resource } from './schema.ts';
import { site } from '../directory/schema.ts';
import { user } from '../auth/schema.ts';
import { can, Permission, requireUser } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { loadActor } from '../auth/load-actor.ts';
import { audit } from '../platform/audit.ts';
import { sha256 } from '../platform/files.ts';
import { notFound } from '../platform/errors.ts';
import { parse } from '../../schemas/validate.ts';
import { isUuid } from '../../schemas/common.ts';
import { zCreateFeed } from '../../schemas/facilities.ts';
import { readConfig } from '../config.ts';
import { m } from '../../paraglide/messages.js';
import { getResourceFull } from './resource.service.ts';
import { calendar, type IcalEvent } from './ical.ts';

/** Feeds cover a month back and a year ahead. */
const PAST_DAYS = 31;
const AHEAD_DAYS = 366;

const hash = sha256;
const feedUrl = (token: string) => `${readConfig().origin}/ical/${token}.ics`;

export interface PublicFeed {
	id: string;
	resourceId: string | null;
	resourceName: string | null;
	createdAt: string;
	lastUsedAt: string | null;
}

/**
 * A secret calendar address: my bookings (and loans), or one facility's bookings. The address is
 * shown once; only its SHA-256 is kept, so a lost address is revoked and made again.
 */
export async function createFeed(actor: Actor, input: unknown): Promise<PublicFeed & { url: string }> {
	const me = await requireUser(actor, Permission.BookingCreate);
	const { resourceId } = parse(zCreateFeed, input);
	const r = resourceId ? (await getResourceFull(resourceId)).row : null;
	if (r && !r.active) throw notFound('err_resource_not_found');
	const token = crypto.randomBytes(24).toString('base64url');
	const feed = await db().transaction(async (tx) => {
		const [f] = await tx.insert(calendarFeed).values({ userId: me.userId, resourceId: r?.id ?? null, tokenHash: hash(token) }).returning();
		await audit(tx, actor, { action: 'calendar_feed.create', siteId: r?.siteId ?? null, targetType: 'calendar_feed', targetId: f!.id, after: { resourceId: r?.id ?? null } });
		return f!;
	});
	return { id: feed.id, resourceId: feed.resourceId, resourceName: r?.name ?? null, createdAt: feed.createdAt.toISOString(), lastUsedAt: null, url: feedUrl(token) };
}

/** My calendar addresses that still work (without their secrets). */
export async function findFeeds(actor: Actor): Promise<PublicFeed[]> {
	const me = await requireUser(actor, Permission.BookingCreate);
	const rows = await db()
		.select({ f: calendarFeed, resourceName: resource.name })
		.from(calendarFeed)
		.leftJoin(resource, eq(resource.id, calendarFeed.resourceId))
		.where(and(eq(calendarFeed.userId, me.userId), isNull(calendarFeed.revokedAt)))
		.orderBy(desc(calendarFeed.createdAt));
	return rows.map(({ f, resourceName }) => ({ id: f.id, resourceId: f.resourceId, resourceName, createdAt: f.createdAt.toISOString(), lastUsedAt: f.lastUsedAt?.toISOString() ?? null }));
}

/** Revoke one of my addresses; someone else's is a 404 (its existence is not revealed). */
export async function revokeFeed(actor: Actor, id: string): Promise<void> {
	const me = await requireUser(actor, Permission.BookingCreate);
	if (!isUuid(id)) throw notFound('err_feed_not_found');
	await db().transaction(async (tx) => {
		const res = await tx
			.update(calendarFeed)
			.set({ revokedAt: new Date() })
			.where(and(eq(calendarFeed.id, id), eq(calendarFeed.userId, me.userId), isNull(calendarFeed.revokedAt)))
			.returning({ id: calendarFeed.id });
		if (!res.length) throw notFound('err_feed_not_found');
		await audit(tx, actor, { action: 'calendar_feed.revoke', targetType: 'calendar_feed', targetId: id });
	});
}

const bookingStatus = (s: string): IcalEvent['status'] => (s === 'pending' ? 'TENTATIVE' : 'CONFIRMED');

/** A booking as its booker's calendar shows it, in feeds and in e-mail (one UID, so apps merge them). */
export function bookingEvent(
	b: { id: string; startsAt: Date; endsAt: Date; title: string; status: string; resourceId: string; createdAt?: Date },
	p: { resource: string; site: string; location: string; timeZone: string }
): IcalEvent & { timeZone: string } {
	return {
		uid: `booking-${b.id}@taman`,
		start: b.startsAt,
		end: b.endsAt,
		summary: b.title ? `${p.resource}: ${b.title}` : p.resource,
		location: [p.location, p.resource, p.site].filter(Boolean).join(', '),
		status: bookingStatus(b.status),
		url: `${readConfig().origin}/facilities/${b.resourceId}`,
		timeZone: p.timeZone,
		...(b.createdAt ? { modified: b.createdAt } : {})
	};
}

/**
 * The iCalendar text behind a secret address, or undefined when it is unknown or revoked. What a
 * facility's feed shows depends on its owner's roles now: the park's staff see purposes and
 * bookers, everyone else sees busy times only.
 */
export async function feedCalendar(token: string, now = new Date()): Promise<string | undefined> {
	const [f] = await db()
		.select()
		.from(calendarFeed)
		.where(and(eq(calendarFeed.tokenHash, hash(token)), isNull(calendarFeed.revokedAt)));
	if (!f) return undefined;
	const owner = await loadActor(f.userId, 'read', 'token');
	if (!owner || owner.kind !== 'user') return undefined;
	const o = { locale: owner.locale === 'en' ? ('en' as const) : ('id' as const) };
	const from = new Date(now.getTime() - PAST_DAYS * 86_400_000);
	const to = new Date(now.getTime() + AHEAD_DAYS * 86_400_000);
	const origin = readConfig().origin;
	const window = and(inArray(booking.status, [...holdingStatuses]), gte(booking.endsAt, from), lt(booking.startsAt, to));
	const cols = { b: booking, resourceName: resource.name, siteName: site.name, timeZone: site.timeZone, location: resource.location, userName: user.name };
	const base = () => db().select(cols).from(booking).innerJoin(resource, eq(resource.id, booking.resourceId)).innerJoin(site, eq(site.id, booking.siteId)).innerJoin(user, eq(user.id, booking.userId));
	const events: (IcalEvent & { timeZone: string })[] = [];
	let name: string;
	if (f.resourceId) {
		const { row: r, resource: pub } = await getResourceFull(f.resourceId);
		const staff = await can(owner, Permission.BookingRead, { siteId: r.siteId });
		name = `${pub.name} — ${pub.siteName}`;
		const rows = await base().where(and(eq(booking.resourceId, r.id), window)).orderBy(asc(booking.startsAt));
		for (const x of rows)
			events.push({
				uid: `booking-${x.b.id}@taman`,
				start: x.b.startsAt,
				end: x.b.endsAt,
				summary: staff ? `${x.b.title || x.resourceName} — ${x.userName}` : m.resource_busy({}, o),
				location: `${x.resourceName}, ${x.siteName}`,
				status: bookingStatus(x.b.status),
				timeZone: x.timeZone,
				...(staff ? { url: `${origin}/facilities/${r.id}`, modified: x.b.createdAt } : {})
			});
	} else {
		name = m.ical_my_calendar({ name: owner.name }, o);
		const rows = await base().where(and(eq(booking.userId, owner.userId), window)).orderBy(asc(booking.startsAt));
		for (const x of rows) events.push(bookingEvent(x.b, { resource: x.resourceName, site: x.siteName, location: x.location, timeZone: x.timeZone }));
		// Equipment I have borrowed: a reminder at its due time.
		const loans = await db()
			.select({ l: loan, resourceName: resource.name, siteName: site.name, timeZone: site.timeZone })
			.from(loan)
			.innerJoin(resource, eq(resource.id, loan.resourceId))
			.innerJoin(site, eq(site.id, loan.siteId))
			.where(and(eq(loan.userId, owner.userId), isNull(loan.returnedAt)));
		for (const x of loans)
			events.push({ uid: `loan-${x.l.id}@taman`, start: x.l.dueAt, end: new Date(x.l.dueAt.getTime() + 30 * 60000), summary: m.ical_loan_due({ resource: x.resourceName }, o), location: x.siteName, status: 'CONFIRMED', timeZone: x.timeZone });
	}
	await db().update(calendarFeed).set({ lastUsedAt: now }).where(eq(calendarFeed.id, f.id));
	return calendar({ name, events, now });
}
