import type { RequestHandler } from './$types';
import { getPhoto } from '$lib/server/facilities/loan.service';
import { orError } from '$lib/server/http/form';

/** A loan photo, for the staff of its park. */
export const GET: RequestHandler = async ({ params, locals }) => {
	const p = await orError(locals.locale, () => getPhoto(locals.actor, params.id));
	return new Response(new Uint8Array(p.content), { headers: { 'content-type': p.mime, 'cache-control': 'private, max-age=86400', etag: `"${p.sha256}"` } });
};
