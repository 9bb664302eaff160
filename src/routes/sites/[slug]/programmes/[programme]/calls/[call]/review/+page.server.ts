import { error, fail, type RequestEvent } from '@sveltejs/kit';
import type { UserActor } from '$lib/server/auth/actor';
import type { Actions, PageServerLoad } from './$types';
import { signedIn } from '$lib/server/http/guard';
import { attempt, failed, formValues } from '$lib/server/http/form';
import { assignReviewers, createStage, listStages, moveApplications, ranking, reviewers, unassignReviewer, updateStage } from '$lib/server/incubation/review.service';
import { listApplications } from '$lib/server/incubation/application.service';
import { can, Permission } from '$lib/server/auth/access';
import { t } from '$lib/server/http/translate';
import { slugify } from '$lib/server/directory/common';

export const load: PageServerLoad = async (event) => {
	const me = signedIn(event);
	const { programme, call } = await event.parent();
	if (!(await can(me, Permission.ProgrammeManage, { siteId: programme.siteId }))) error(403, t('err_forbidden', {}, event.locals.locale));
	const stages = await listStages(me, call.id);
	const chosen = stages.find((s) => s.id === event.url.searchParams.get('stage')) ?? stages[0];
	const normalise = event.url.searchParams.get('normalise') === '1';
	const [rank, pool, unstaged] = await Promise.all([
		chosen ? ranking(me, chosen.id, { normalise: normalise ? '1' : '0' }) : null,
		reviewers(me, call.id),
		// Submitted applications not yet in a stage: the first stage's intake.
		listApplications(me, call.id, { status: 'submitted', stage: 'none' }, { limit: 200 })
	]);
	// Only what the page shows, reviewers by their place in one list of names: a thousand
	// applications × five reviews is most of the page's weight.
	const names: string[] = [];
	const nameIndex = new Map<string, number>();
	const indexOf = (name: string) => nameIndex.get(name) ?? (nameIndex.set(name, names.push(name) - 1), names.length - 1);
	const rows = (rank?.items ?? []).map((x) => ({ id: x.applicationId, startup: x.startup, rank: x.rank, mean: x.mean, min: x.min, max: x.max, sd: x.sd, z: x.z, reviews: x.reviews.map((r) => [indexOf(r.reviewerName), r.submitted ? r.total : null] as const) }));
	return { stages, stage: chosen ?? null, normalise, ranking: rows, reviewerNames: names, unstaged: unstaged.items.map((a) => ({ id: a.id, startup: a.startup, applicantName: a.applicantName, submittedAt: a.submittedAt })), pool };
};

/** "Inovasi; 3; 5" per line → criteria with keys made from the names. */
function criteriaOf(text: string) {
	return text
		.split('\n')
		.map((l) => l.trim())
		.filter(Boolean)
		.map((line, i) => {
			const [name = '', weight = '1', scaleMax = '5'] = line.split(';').map((x) => x.trim());
			const key = slugify(name, 30).replace(/-/g, '_') || `c${i + 1}`;
			return { key: /^[a-z]/.test(key) ? key : `c_${key}`, name, weight, scaleMax };
		});
}

/** A bulk action on the ticked applications (`app` fields); failures come back under the move form. */
async function bulk<T extends object>(event: RequestEvent, done: string, fn: (me: UserActor, v: Record<string, string>, ids: string[]) => Promise<T>) {
	const me = signedIn(event);
	const data = await event.request.formData();
	const v = formValues(data);
	const res = await attempt(event.locals.locale, v, () => fn(me, v, data.getAll('app').map(String)));
	if (failed(res)) return fail(res.status, { form: 'move', ...res.data });
	return { form: done, ...res };
}

export const actions: Actions = {
	stage: async (event) => {
		const me = signedIn(event);
		const v = formValues(await event.request.formData());
		const res = await attempt(event.locals.locale, v, () => createStage(me, event.params.call, { name: v.name, blind: v.blind === 'on', commentRequired: v.commentRequired === 'on', reviewersPerApplication: v.reviewersPerApplication, criteria: criteriaOf(v.criteria ?? '') }));
		if (failed(res)) return fail(res.status, { form: 'stage', ...res.data });
		return { form: 'stage', created: res.name };
	},
	/** The shown stage's settings; its rubric only while the form shows it (no review submitted yet). */
	editStage: async (event) => {
		const me = signedIn(event);
		const v = formValues(await event.request.formData());
		const input = { name: v.name, blind: v.blind === 'on', commentRequired: v.commentRequired === 'on', reviewersPerApplication: v.reviewersPerApplication, ...(v.criteria === undefined ? {} : { criteria: criteriaOf(v.criteria) }) };
		const res = await attempt(event.locals.locale, v, () => updateStage(me, v.stage ?? '', input));
		if (failed(res)) return fail(res.status, { form: 'edit', ...res.data });
		return { form: 'edit', updated: t('review_stage_saved', { name: res.name }, event.locals.locale) };
	},
	/** Bulk: the ticked applications to a stage, or decided. */
	move: (event) => bulk(event, 'moved', (me, v, ids) => moveApplications(me, event.params.call, { applicationIds: ids, to: v.to, notify: v.notify === 'on' })),
	/** The ticked applications to one reviewer, or everyone in the stage automatically. */
	assign: (event) => bulk(event, 'assigned', (me, v, ids) => assignReviewers(me, v.stage ?? '', v.reviewerId ? { applicationIds: ids, reviewerId: v.reviewerId } : { auto: true })),
	/** Take the chosen reviewer off the ticked applications (reviews already submitted stay). */
	unassign: (event) => bulk(event, 'unassigned', (me, v, ids) => unassignReviewer(me, v.stage ?? '', { applicationIds: ids, reviewerId: v.reviewerId ?? '' }))
};
