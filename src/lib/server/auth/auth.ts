import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { db } from '../db/client.ts';
import * as authSchema from './schema.ts';
import { enqueue } from '../platform/outbox.ts';
import { mailText } from '../platform/mail-text.ts';
import { readConfig } from '../config.ts';

export const MIN_PASSWORD = 10;
export const MAX_PASSWORD = 128;

/**
 * The auth secret signs session cookies. AUTH_SECRET wins; otherwise one is made on first start
 * and kept (mode 0600) in the data folder, so a single-machine install needs no setup.
 */
function authSecret(): string {
	const config = readConfig();
	if (config.authSecret) return config.authSecret;
	const file = path.join(config.dataDir, 'auth-secret');
	try {
		return fs.readFileSync(file, 'utf8').trim();
	} catch {
		fs.mkdirSync(config.dataDir, { recursive: true });
		const secret = crypto.randomBytes(32).toString('base64url');
		fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
		return fs.readFileSync(file, 'utf8').trim();
	}
}

function build() {
	const config = readConfig();
	return betterAuth({
		baseURL: config.origin,
		secret: authSecret(),
		telemetry: { enabled: false },
		database: drizzleAdapter(db(), { provider: 'pg', schema: authSchema }),
		user: {
			additionalFields: {
				locale: { type: 'string', defaultValue: 'id', input: true },
				timeZone: { type: 'string', defaultValue: 'Asia/Jakarta', input: true }
			}
		},
		emailAndPassword: {
			enabled: true,
			requireEmailVerification: true,
			minPasswordLength: MIN_PASSWORD,
			maxPasswordLength: MAX_PASSWORD,
			revokeSessionsOnPasswordReset: true,
			sendResetPassword: async ({ user, url }) => {
				await enqueue(db(), 'email', mailText((user as { locale?: string }).locale ?? 'id', 'reset', { to: user.email, link: url, name: user.name }));
			}
		},
		emailVerification: {
			sendOnSignUp: true,
			autoSignInAfterVerification: true,
			expiresIn: 60 * 60 * 24,
			sendVerificationEmail: async ({ user, url }) => {
				await enqueue(db(), 'email', mailText((user as { locale?: string }).locale ?? 'id', 'verify', { to: user.email, link: url, name: user.name }));
			}
		},
		session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
		// Sign-in throttling is Taman's own (per e-mail, from the audit log: account.service.ts).
		// better-auth's limiter cannot see client IPs on server-side calls and would put every
		// visitor in one shared bucket, so it stays off.
		rateLimit: { enabled: false },
		advanced: {
			useSecureCookies: config.origin.startsWith('https://'),
			defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' }
		}
	});
}

export type Auth = ReturnType<typeof build>;
let instance: Auth | undefined;

/** Built on first use, after the database is open (never at module load). */
export function auth(): Auth {
	instance ??= build();
	return instance;
}

export function resetAuth() {
	instance = undefined;
}
