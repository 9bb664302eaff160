import { fail } from '@sveltejs/kit';
import QRCode from 'qrcode';
import type { Actions, PageServerLoad } from './$types';
import { signedIn } from '$lib/server/http/guard';
import { attempt, failed, formValues, orError } from '$lib/server/http/form';
import { getCredential, revokeCredential, verifyCredential } from '$lib/server/training/credentials/credential.service';
import { can, Permission } from '$lib/server/auth/access';
import { t } from '$lib/server/http/translate';

/**
 * A certificate's public page — where its QR code and shareable link lead. It verifies the signed
 * credential live on every visit: proof, status list and validity.
 */
export const load: PageServerLoad = async ({ params, locals }) => {
	const c = await orError(locals.locale, () => getCredential(params.id));
	const [check, qr, canRevoke] = await Promise.all([verifyCredential(c.document), QRCode.toString(c.url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }), can(locals.actor, Permission.TrainingManage, { siteId: c.siteId })]);
	return { c, check, qr, canRevoke };
};

export const actions: Actions = {
	revoke: async (event) => {
		const me = signedIn(event);
		const v = formValues(await event.request.formData());
		const res = await attempt(event.locals.locale, v, () => revokeCredential(me, event.params.id, { reason: v.reason ?? '' }));
		if (failed(res)) return fail(res.status, res.data);
		return { done: t('credential_revoked_msg', {}, event.locals.locale) };
	}
};
