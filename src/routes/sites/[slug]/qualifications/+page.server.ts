import { error, fail, isActionFailure } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { signedIn } from '$lib/server/http/guard';
import { attempt, formValues, orError, type FormFailure } from '$lib/server/http/form';
import { getSite } from '$lib/server/directory/site.service';
import { createQualification, findQualifications, grantQualification, qualificationHolders, revokeQualification } from '$lib/server/facilities/qualification.service';
import { can, Permission } from '$lib/server/auth/access';
import { t } from '$lib/server/http/translate';

/** The park's training gates: who holds which qualification, granted and revoked by its staff. */
export const load: PageServerLoad = async (event) => {
	const me = signedIn(event);
	const site = await orError(event.locals.locale, () => getSite(event.params.slug));
	if (!(await can(me, Permission.QualificationManage, { siteId: site.id }))) error(403, t('err_forbidden', {}, event.locals.locale));
	// Network-wide qualifications are listed; only the park's own are managed here.
	const qs = (await findQualifications(site.id)).filter((q) => q.siteId === site.id);
	const holders = await Promise.all(qs.map((q) => qualificationHolders(me, q.id)));
	return { site, qualifications: qs.map((q, i) => ({ ...q, holders: holders[i]!.map((h) => ({ ...h, grantedAt: h.grantedAt.toISOString() })) })) };
};

const refused = (intent: string, res: { status: number; data: unknown }) => fail(res.status, { intent, ...(res.data as FormFailure) });

export const actions: Actions = {
	create: async (event) => {
		const me = signedIn(event);
		const v = formValues(await event.request.formData());
		const res = await attempt(event.locals.locale, v, () => createQualification(me, event.params.slug, { name: v.name, description: v.description ?? '' }));
		return isActionFailure(res) ? refused('create', res) : { intent: 'create', done: true };
	},
	grant: async (event) => {
		const me = signedIn(event);
		const v = formValues(await event.request.formData());
		const res = await attempt(event.locals.locale, v, () => grantQualification(me, v.id ?? '', { email: v.email }));
		return isActionFailure(res) ? refused(`q-${v.id}`, res) : { intent: `q-${v.id}`, done: true };
	},
	revoke: async (event) => {
		const me = signedIn(event);
		const v = formValues(await event.request.formData());
		const res = await attempt(event.locals.locale, v, async () => {
			await revokeQualification(me, v.id ?? '', v.userId ?? '');
			return { ok: true };
		});
		return isActionFailure(res) ? refused(`q-${v.id}`, res) : { intent: `q-${v.id}`, done: true };
	}
};
