import { redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { signedIn } from '$lib/server/http/guard';
import { attempt, failed, fileOf, formValues, orError } from '$lib/server/http/form';
import { getApplication, saveApplication, submitApplication, uploadFile, withdrawApplication } from '$lib/server/incubation/application.service';
import { getMyProfile } from '$lib/server/directory/people.service';
import { regions } from '$lib/server/directory/regions';
import { fieldsOf } from '$lib/forms';
import { reviewsOf } from '$lib/server/incubation/review.service';
import { can, Permission } from '$lib/server/auth/access';

export const load: PageServerLoad = async (event) => {
	const me = signedIn(event);
	const application = await orError(event.locals.locale, () => getApplication(me, event.params.id));
	const mine = application.applicantId === me.userId;
	const editable = mine && application.status === 'draft' && application.callOpen;
	const r = await regions();
	// The staff also read the reviews (never the applicant, nor a reviewer).
	const staff = !mine && (await can(me, Permission.ApplicationRead, { siteId: application.siteId }));
	return {
		application,
		mine,
		editable,
		reviews: staff ? await reviewsOf(me, application) : [],
		organizations: editable ? (await getMyProfile(me)).organizations.map((o) => ({ id: o.id, name: o.name })) : [],
		provinces: r.provinces,
		regencies: editable ? r.regencies : r.regencies.filter((g) => g.code === application.regencyCode)
	};
};

/**
 * The application form as the service's input: answers by field key (several values for
 * multiple choice, rows for a team), who applies, sector and region. Files are uploaded apart.
 */
async function readForm(event: RequestEvent) {
	const me = signedIn(event);
	const data = await event.request.formData();
	const current = await orError(event.locals.locale, () => getApplication(me, event.params.id!));
	const answers: Record<string, unknown> = {};
	const files: { key: string; file: NonNullable<Awaited<ReturnType<typeof fileOf>>> }[] = [];
	for (const f of fieldsOf(current.form.sections)) {
		const name = `a.${f.key}`;
		if (f.type === 'multi_choice') answers[f.key] = data.getAll(name).map(String);
		else if (f.type === 'team') {
			const roles = data.getAll(`${name}.role`).map(String);
			answers[f.key] = data.getAll(`${name}.name`).map((n, i) => ({ name: String(n), role: roles[i] ?? '' }));
		} else if (f.type === 'file') {
			const file = await fileOf(data, name);
			if (file) files.push({ key: f.key, file });
		} else answers[f.key] = String(data.get(name) ?? '');
	}
	const v = formValues(data);
	const behalf = v.behalf ?? '';
	const input = {
		answers,
		organizationId: behalf && behalf !== 'new' ? behalf : null,
		startupName: behalf === 'new' ? (v.startupName ?? '') : '',
		kbli: v.kbli ?? '',
		subsector: v.subsector ?? '',
		provinceCode: v.provinceCode ?? '',
		regencyCode: v.regencyCode ?? ''
	};
	return { me, v, input, files, locale: event.locals.locale, id: event.params.id! };
}

/** Save what was typed and attach the chosen files; a failure comes back with each field named. */
async function save(event: RequestEvent) {
	const { me, v, input, files, locale, id } = await readForm(event);
	const res = await attempt(locale, v, () => saveApplication(me, id, input));
	if (failed(res)) return res;
	for (const { key, file } of files) {
		const up = await attempt(locale, v, () => uploadFile(me, id, key, file));
		if (failed(up)) return up;
	}
	return null;
}

export const actions: Actions = {
	save: async (event) => (await save(event)) ?? { saved: true },
	submit: async (event) => {
		const refused = await save(event);
		if (refused) return refused;
		const me = signedIn(event);
		const res = await attempt(event.locals.locale, {}, () => submitApplication(me, event.params.id!));
		if (failed(res)) return res;
		return { submitted: true };
	},
	withdraw: async (event) => {
		const me = signedIn(event);
		const res = await attempt(event.locals.locale, {}, () => withdrawApplication(me, event.params.id!));
		if (failed(res)) return res;
		redirect(303, '/applications');
	}
};
