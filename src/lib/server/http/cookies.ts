import type { Cookies } from '@sveltejs/kit';
import { parseSetCookieHeader } from 'better-auth/cookies';

/** Apply better-auth's Set-Cookie headers through SvelteKit's cookie API (HttpOnly, SameSite=Lax). */
export function applySetCookies(cookies: Cookies, setCookie: string[]) {
	for (const header of setCookie) {
		for (const [name, c] of parseSetCookieHeader(header)) {
			const maxAge = c['max-age'] !== undefined ? Number(c['max-age']) : undefined;
			cookies.set(name, c.value, {
				path: c.path ?? '/',
				httpOnly: true,
				sameSite: 'lax',
				secure: !!c.secure,
				maxAge: maxAge !== undefined && !Number.isNaN(maxAge) ? maxAge : undefined,
				expires: c.expires ? new Date(c.expires) : undefined
			});
		}
	}
}

/** The language cookie the browser's runtime reads first; readable by scripts by design. */
export function setLocaleCookie(cookies: Cookies, locale: string) {
	cookies.set('PARAGLIDE_LOCALE', locale === 'en' ? 'en' : 'id', { path: '/', maxAge: 31536000, httpOnly: false, sameSite: 'lax' });
}
