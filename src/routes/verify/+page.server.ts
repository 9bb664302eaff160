import { fail } from '@sveltejs/kit';
import type { Actions } from './$types';
import { verifyCredential } from '$lib/server/training/credentials/credential.service';
import { t } from '$lib/server/http/translate';

const MAX = 200_000;

/** Anyone checks a credential: pasted JSON, or an uploaded .json file. */
export const actions: Actions = {
	default: async ({ request, locals }) => {
		const data = await request.formData();
		const file = data.get('file');
		let text = String(data.get('json') ?? '').trim();
		if (file instanceof File && file.size) text = file.size > MAX ? '' : await file.text();
		if (!text || text.length > MAX) return fail(422, { json: '', message: t('verify_empty', {}, locals.locale) });
		let doc: unknown;
		try {
			doc = JSON.parse(text);
		} catch {
			return fail(422, { json: text.slice(0, 5000), message: t('err_bad_json', {}, locals.locale) });
		}
		return { json: text.slice(0, 5000), check: await verifyCredential(doc) };
	}
};
