import { orError } from '$lib/server/http/form';
import type { PageServerLoad } from './$types';
import { signedIn } from '$lib/server/http/guard';
import { findAudit } from '$lib/server/platform/audit.service';

export const load: PageServerLoad = async (event) => {
	const me = signedIn(event);
	const q = Object.fromEntries(event.url.searchParams);
	const filters = { site: q.site || undefined, action: q.action || undefined, outcome: q.outcome || undefined };
	return { filters, records: await orError(event.locals.locale, () => findAudit(me, filters, { limit: 50, cursor: q.cursor || undefined })) };
};
