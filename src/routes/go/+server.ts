import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** Site switcher without JavaScript. */
export const GET: RequestHandler = ({ url }) => {
	const slug = url.searchParams.get('site') ?? '';
	redirect(303, /^[a-z0-9-]{1,60}$/.test(slug) ? `/sites/${slug}` : '/sites');
};
