import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { feedCalendar } from '$lib/server/facilities/feed.service';
import { t } from '$lib/server/http/translate';

/** A calendar subscription: /ical/<secret>.ics, read by calendar apps without a session. */
export const GET: RequestHandler = async ({ params, locals }) => {
	const token = /^([A-Za-z0-9_-]{32})\.ics$/.exec(params.file)?.[1];
	const text = token ? await feedCalendar(token) : undefined;
	if (!text) error(404, t('err_feed_not_found', {}, locals.locale));
	return new Response(text, {
		headers: { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': 'inline; filename="taman.ics"', 'cache-control': 'private, max-age=300', 'referrer-policy': 'no-referrer' }
	});
};
