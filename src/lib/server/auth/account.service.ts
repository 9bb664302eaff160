import crypto from 'node:crypto';
import { and, count, eq, gt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { APIError } from 'better-auth/api';
import { hashPassword } from 'better-auth/crypto';
import { db } from '../db/client.ts';
import { user, account } from './schema.ts';
import { auditLog } from '../platform/schema.ts';
import { siteRole } from '../directory/schema.ts';
import { auth, MAX_PASSWORD, MIN_PASSWORD } from './auth.ts';
import { audit } from '../platform/audit.ts';
import { AppError } from '../platform/errors.ts';
import { parse } from '../../schemas/validate.ts';
import { zEmail, zName } from '../../schemas/common.ts';
import { anonymous, system, type Actor } from './actor.ts';
import { Permission, requireUser } from './access.ts';

export const zPassword = z.string().min(MIN_PASSWORD).max(MAX_PASSWORD);
export const zSignUp = z.strictObject({ name: zName, email: zEmail, password: zPassword, locale: z.enum(['id', 'en']).default('id') });
export const zSignIn = z.strictObject({ email: zEmail, password: z.string().min(1).max(MAX_PASSWORD) });
export const zChangePassword = z.strictObject({ currentPassword: z.string().min(1).max(MAX_PASSWORD), newPassword: zPassword });
export const zResetPassword = z.strictObject({ token: z.string().min(1).max(200), newPassword: zPassword });

/** After this many failed sign-ins for one e-mail within the window, sign-in is refused (429). */
export const THROTTLE = { failures: 5, minutes: 15 } as const;

/** Headers better-auth wants back on the response (Set-Cookie). */
export type AuthResult = { setCookie: string[] };

function cookiesOf(headers: Headers | undefined): string[] {
	return headers?.getSetCookie?.() ?? [];
}

function mapAuthError(e: unknown): never {
	if (e instanceof APIError) {
		const code = (e.body as { code?: string } | undefined)?.code ?? '';
		if (code === 'EMAIL_NOT_VERIFIED') throw new AppError('FORBIDDEN', 'err_email_not_verified');
		if (code === 'USER_ALREADY_EXISTS' || code.startsWith('USER_ALREADY_EXISTS')) throw new AppError('CONFLICT', 'err_email_taken', {}, [{ field: 'email', key: 'err_email_taken' }]);
		if (code === 'INVALID_TOKEN') throw new AppError('BAD_REQUEST', 'err_token_invalid');
		if (code === 'INVALID_PASSWORD') throw new AppError('VALIDATION', 'err_validation', {}, [{ field: 'currentPassword', key: 'err_password_wrong' }]);
		if (e.statusCode === 401) throw new AppError('UNAUTHENTICATED', 'err_sign_in_failed');
		if (e.statusCode === 429) throw new AppError('RATE_LIMITED', 'err_too_many_attempts');
		throw new AppError('BAD_REQUEST', 'err_auth_generic');
	}
	throw e;
}

export async function signUp(input: unknown, headers: Headers, callbackURL = '/dashboard?verified=1') {
	const data = parse(zSignUp, input);
	try {
		await auth().api.signUpEmail({ body: { ...data, callbackURL }, headers });
	} catch (e) {
		mapAuthError(e);
	}
	const [u] = await db().select({ id: user.id }).from(user).where(eq(user.email, data.email));
	await audit(db(), anonymous, { action: 'auth.sign_up', targetType: 'user', targetId: u?.id, after: { email: data.email, name: data.name } });
}

async function recentFailures(email: string): Promise<number> {
	const [r] = await db()
		.select({ n: count() })
		.from(auditLog)
		.where(
			and(
				eq(auditLog.action, 'auth.sign_in'),
				eq(auditLog.outcome, 'denied'),
				eq(auditLog.targetId, email),
				gt(auditLog.at, sql`now() - make_interval(mins => ${THROTTLE.minutes})`)
			)
		);
	return r?.n ?? 0;
}

/**
 * Sign in with e-mail and password. Failures are audited, and the audit log is the throttle's
 * memory, so the limit holds across app processes and restarts.
 */
export async function signIn(input: unknown, headers: Headers): Promise<AuthResult & { userId: string; locale: string }> {
	const data = parse(zSignIn, input);
	if ((await recentFailures(data.email)) >= THROTTLE.failures) {
		await audit(db(), anonymous, { action: 'auth.sign_in', outcome: 'denied', targetType: 'email', targetId: data.email, after: { reason: 'throttled' } });
		throw new AppError('RATE_LIMITED', 'err_too_many_attempts', { minutes: THROTTLE.minutes });
	}
	try {
		const res = await auth().api.signInEmail({ body: data, headers, returnHeaders: true });
		const u = res.response.user as { id: string; locale?: string };
		await audit(db(), { kind: 'user', userId: u.id, email: data.email, name: '', locale: 'id', timeZone: 'Asia/Jakarta', emailVerified: true, roles: [], scope: 'write', via: 'session' }, { action: 'auth.sign_in', targetType: 'user', targetId: u.id });
		return { setCookie: cookiesOf(res.headers), userId: u.id, locale: u.locale ?? 'id' };
	} catch (e) {
		if (e instanceof APIError) {
			const reason = (e.body as { code?: string } | undefined)?.code ?? String(e.statusCode);
			await audit(db(), anonymous, { action: 'auth.sign_in', outcome: 'denied', targetType: 'email', targetId: data.email, after: { reason } });
		}
		mapAuthError(e);
	}
}

export async function signOut(headers: Headers): Promise<AuthResult> {
	try {
		const res = await auth().api.signOut({ headers, returnHeaders: true });
		return { setCookie: cookiesOf(res.headers) };
	} catch {
		return { setCookie: [] };
	}
}

/** Always answers the same, whether or not the e-mail has an account (no account enumeration). */
export async function requestPasswordReset(input: unknown) {
	const { email } = parse(z.strictObject({ email: zEmail }), input);
	try {
		await auth().api.requestPasswordReset({ body: { email, redirectTo: '/reset-password' } });
	} catch (e) {
		mapAuthError(e);
	}
}

export async function resetPassword(input: unknown) {
	const data = parse(zResetPassword, input);
	try {
		await auth().api.resetPassword({ body: data });
	} catch (e) {
		mapAuthError(e);
	}
	await audit(db(), anonymous, { action: 'auth.password_reset' });
}

export async function changePassword(actor: Actor, input: unknown, headers: Headers): Promise<AuthResult> {
	const me = await requireUser(actor, Permission.ProfileUpdate);
	const data = parse(zChangePassword, input);
	try {
		const res = await auth().api.changePassword({ body: { ...data, revokeOtherSessions: true }, headers, returnHeaders: true });
		await audit(db(), actor, { action: 'auth.password_change', targetType: 'user', targetId: me.userId });
		return { setCookie: cookiesOf(res.headers) };
	} catch (e) {
		mapAuthError(e);
	}
}

export async function resendVerification(input: unknown) {
	const { email } = parse(z.strictObject({ email: zEmail }), input);
	try {
		await auth().api.sendVerificationEmail({ body: { email, callbackURL: '/dashboard?verified=1' } });
	} catch {
		/* same answer whether or not the account exists */
	}
}

/**
 * Create a verified account directly (CLI `user create` and demo data). The password is hashed
 * with better-auth's own scheme, so the person signs in as usual.
 */
export async function createVerifiedUser(opts: {
	email: string;
	password?: string;
	passwordHash?: string;
	name: string;
	admin?: boolean;
	locale?: 'id' | 'en';
	publicProfile?: boolean;
	bio?: string;
}): Promise<string> {
	const email = parse(zEmail, opts.email);
	if (!opts.passwordHash) parse(zPassword, opts.password);
	const hash = opts.passwordHash ?? (await hashPassword(opts.password!));
	return db().transaction(async (tx) => {
		const [existing] = await tx.select({ id: user.id }).from(user).where(eq(user.email, email));
		if (existing) throw new AppError('CONFLICT', 'err_email_taken');
		const id = crypto.randomUUID();
		await tx.insert(user).values({
			id,
			email,
			name: opts.name,
			emailVerified: true,
			locale: opts.locale ?? 'id',
			publicProfile: opts.publicProfile ?? false,
			publicFields: opts.publicProfile ? ['bio', 'organizations'] : [],
			bio: opts.bio ?? null
		});
		await tx.insert(account).values({ id: crypto.randomUUID(), accountId: id, providerId: 'credential', userId: id, password: hash });
		if (opts.admin) await tx.insert(siteRole).values({ userId: id, siteId: null, role: 'network_admin' });
		await audit(tx, system, { action: 'user.create', targetType: 'user', targetId: id, after: { email, name: opts.name, admin: !!opts.admin } });
		return id;
	});
}

export { hashPassword };
