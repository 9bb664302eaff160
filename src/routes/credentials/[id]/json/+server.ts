import type { RequestHandler } from './$types';
import { getCredential } from '$lib/server/training/credentials/credential.service';
import { orError } from '$lib/server/http/form';

/** The signed credential alone, as a file for a wallet. */
export const GET: RequestHandler = async ({ params, locals }) => {
	const c = await orError(locals.locale, () => getCredential(params.id));
	return new Response(JSON.stringify(c.document, null, 2), { headers: { 'content-type': 'application/ld+json', 'content-disposition': `attachment; filename="sertifikat-${c.id}.json"` } });
};
