import type { RequestHandler } from './$types';
import { getCourse } from '$lib/server/training/course.service';
import { orError } from '$lib/server/http/form';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The achievement's badge image: the course's initials in a ring, with its park's name. */
export const GET: RequestHandler = async ({ params, locals }) => {
	const c = await orError(locals.locale, () => getCourse(params.id));
	const initials = c.title.split(/\s+/).filter((w) => /^[\p{L}\p{N}]/u.test(w)).slice(0, 3).map((w) => w[0]!.toUpperCase()).join('');
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240" viewBox="0 0 240 240" role="img" aria-label="${esc(c.title)}">
<circle cx="120" cy="120" r="112" fill="#065f46"/><circle cx="120" cy="120" r="96" fill="none" stroke="#d1fae5" stroke-width="4"/>
<text x="120" y="135" font-family="sans-serif" font-size="56" font-weight="700" fill="#ffffff" text-anchor="middle">${esc(initials)}</text>
<text x="120" y="178" font-family="sans-serif" font-size="13" fill="#d1fae5" text-anchor="middle">${esc(c.siteName.slice(0, 30))}</text>
</svg>`;
	return new Response(svg, { headers: { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=3600', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'" } });
};
