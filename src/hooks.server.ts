import crypto from 'node:crypto';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { building } from '$app/environment';
import { baseLocale, cookieName, extractLocaleFromHeader, getLocale, overwriteGetLocale, type Locale } from '$lib/paraglide/runtime';
import { readConfig } from '$lib/server/config';
import { log } from '$lib/server/log';
import { openDatabase } from '$lib/server/db/open';
import { requestContext } from '$lib/server/platform/context';
import { startWorker } from '$lib/server/platform/worker';
import { onShutdown, runShutdown } from '$lib/server/platform/shutdown';
import { closeDb } from '$lib/server/db/client';
import { auth } from '$lib/server/auth/auth';
import { loadActor } from '$lib/server/auth/load-actor';
import { actorFromToken } from '$lib/server/auth/tokens.service';
import { anonymous } from '$lib/server/auth/actor';
import { t } from '$lib/server/http/translate';
import { setLocaleCookie } from '$lib/server/http/cookies';

/** Open the database once per process, before the first request (never at module load). */
export const init: ServerInit = async () => {
	const config = readConfig();
	const opened = await openDatabase({ mode: process.env.DATABASE_URL ? 'use' : 'own', config });
	// Under `taman start` the CLI owns the embedded server; here only the pool is ours to close.
	onShutdown(process.env.TAMAN_EMBEDDED !== undefined ? closeDb : opened.close);
	if (config.inProcessWorker && process.env.NODE_ENV !== 'test') onShutdown(startWorker(config));
	// Run as `node build` (adapter-node's own server), SIGTERM closes the HTTP server and emits
	// this; without it the worker's timer and the pool would keep the process alive.
	process.once('sveltekit:shutdown', () => void runShutdown());
};

const securityHeaders = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'strict-origin-when-cross-origin',
	'x-frame-options': 'DENY',
	'permissions-policy': 'camera=(), microphone=(), geolocation=()',
	'cross-origin-opener-policy': 'same-origin'
};

const placeholders = /%paraglide\.lang%|%taman\.theme%/g;

/** Only better-auth's e-mail link endpoints are reachable over HTTP; everything else goes through Taman's services. */
const authLinks = /^\/api\/auth\/(verify-email|reset-password\/[^/]+)$/;

// Messages rendered on the server read the request's locale from Taman's one request context.
// (Paraglide's own middleware would clone every Request and open a second async context.)
overwriteGetLocale(() => requestContext.getStore()?.locale ?? baseLocale);

/**
 * One handle, not a `sequence()`: each sequenced handle costs SvelteKit a tracing span and an
 * async-context switch per request, and all three steps here need the same context anyway.
 */
const taman: Handle = async ({ event, resolve }) => {
	const path = event.url.pathname;
	const api = path.startsWith('/api/');
	const requestId = event.request.headers.get('x-request-id')?.slice(0, 64) || crypto.randomUUID();
	// Cookie (the user's choice, written on sign-in and by the switch), then Accept-Language, then id
	// — Paraglide's strategy, read from SvelteKit's parsed cookies (its own reader copies the URL twice).
	const chosen = event.cookies.get(cookieName);
	const locale: Locale = chosen === 'en' || chosen === 'id' ? chosen : extractLocaleFromHeader(event.request) === 'en' ? 'en' : baseLocale;
	const theme = event.cookies.get('theme');
	Object.assign(event.locals, { requestId, locale, theme: theme === 'dark' || theme === 'light' ? theme : '', actor: anonymous });
	const started = performance.now();
	const response = await requestContext.run({ requestId, locale }, async () => {
		if (path.startsWith('/api/auth/')) {
			if (authLinks.test(path) && event.request.method === 'GET') return auth().handler(event.request);
			return new Response('Not found', { status: 404 });
		}
		// The browser's runtime reads this cookie first: it must agree with what the server chose.
		// API responses set no cookie: a script's language comes from its Accept-Language.
		if (!api && event.cookies.get(cookieName) !== locale) setLocaleCookie(event.cookies, locale);
		const bearer = event.request.headers.get('authorization');
		if (bearer?.startsWith('Bearer ')) {
			const a = await actorFromToken(bearer.slice(7).trim());
			if (a) event.locals.actor = a;
			else if (api) {
				return new Response(JSON.stringify({ type: 'about:blank', title: t('err_unauthenticated', {}, locale), status: 401, code: 'err_unauthenticated' }), {
					status: 401,
					headers: { 'content-type': 'application/problem+json', 'www-authenticate': 'Bearer' }
				});
			}
		} else if (event.cookies.get('better-auth.session_token') || event.cookies.get('__Secure-better-auth.session_token')) {
			const s = await auth().api.getSession({ headers: event.request.headers });
			if (s) event.locals.actor = (await loadActor(s.user.id, 'write', 'session')) ?? anonymous;
		}
		return resolve(event, {
			// One pass over the page for both placeholders of app.html.
			transformPageChunk: ({ html }) => html.replace(placeholders, (p) => (p === '%paraglide.lang%' ? locale : event.locals.theme))
		});
	});
	// SvelteKit repeats every modulepreload of a page as a `link` header (about 3 KB a page); the
	// same links are at the top of the HTML, and nothing in front of Taman turns them into early hints.
	response.headers.delete('link');
	response.headers.set('x-request-id', requestId);
	for (const [k, v] of Object.entries(securityHeaders)) response.headers.set(k, v);
	// Pages get SvelteKit's CSP (with hashes); everything else gets a strict one.
	if (!response.headers.has('content-security-policy')) response.headers.set('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
	log.info({ requestId, method: event.request.method, path, status: response.status, ms: Math.round(performance.now() - started) }, 'request');
	return response;
};

export const handle: Handle = building ? ({ event, resolve }) => resolve(event) : taman;

export const handleError: HandleServerError = ({ error, event, status }) => {
	const requestId = event.locals.requestId;
	if (status >= 500) log.error({ err: error, requestId, path: event.url.pathname }, 'unhandled error');
	const locale = event.locals.locale ?? getLocale();
	return { message: status === 404 ? t('err_not_found', {}, locale) : t('err_internal', {}, locale), requestId };
};
