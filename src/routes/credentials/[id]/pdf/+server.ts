import type { RequestHandler } from './$types';
import { getCredential } from '$lib/server/training/credentials/credential.service';
import { certificatePdf } from '$lib/server/training/credentials/pdf';
import { orError } from '$lib/server/http/form';

/** The printable certificate, `?lang=id` (default) or `en`. */
export const GET: RequestHandler = async ({ params, url, locals }) => {
	const c = await orError(locals.locale, () => getCredential(params.id));
	const lang = url.searchParams.get('lang') === 'en' ? 'en' : 'id';
	const bytes = await certificatePdf(c, lang);
	return new Response(bytes as unknown as BodyInit, { headers: { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="sertifikat-${c.id}-${lang}.pdf"` } });
};
