import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { signedIn } from '$lib/server/http/guard';
import { attempt, failed, formValues, orError } from '$lib/server/http/form';
import { cancelEnrolment, classEnrolments, decideEnrolment, getCourse } from '$lib/server/training/course.service';
import { classProgress, issueForClass, recordScores } from '$lib/server/training/progress.service';
import { classCredentials } from '$lib/server/training/credentials/credential.service';
import { can, Permission } from '$lib/server/auth/access';
import { t } from '$lib/server/http/translate';

/** A class's participants, requests and waiting list, for the course's staff and its trainers. */
export const load: PageServerLoad = async (event) => {
	const me = signedIn(event);
	const locale = event.locals.locale;
	const course = await orError(locale, () => getCourse(event.params.course, event.params.slug));
	const k = course.classes.find((x) => x.id === event.params.class);
	if (!k) error(404, t('err_class_not_found', {}, locale));
	const [enrolments, progress, credentials] = await Promise.all([orError(locale, () => classEnrolments(me, k.id)), orError(locale, () => classProgress(me, k.id)), orError(locale, () => classCredentials(me, k.id))]);
	const now = new Date().toISOString();
	return { course, k, enrolments, progress, credentials: credentials.map(({ document: _d, ...c }) => ({ ...c, expired: !!c.validUntil && c.validUntil <= now })), canManage: await can(me, Permission.TrainingManage, { siteId: course.siteId }) };
};

export const actions: Actions = {
	decide: async (event) => {
		const me = signedIn(event);
		const v = formValues(await event.request.formData());
		const res = await attempt(event.locals.locale, v, () => decideEnrolment(me, v.enrolment ?? '', { decision: v.decision, reason: v.reason ?? '' }));
		if (failed(res)) return fail(res.status, { enrolment: v.enrolment, ...res.data });
		return { enrolment: v.enrolment, done: t('training_decided', { status: t(`enrolment_status_${res.status}`, {}, event.locals.locale) }, event.locals.locale) };
	},
	/** Every cell of the score table: `s.{userId}.{componentId}`; an emptied cell clears its score. */
	scores: async (event) => {
		const me = signedIn(event);
		const v = formValues(await event.request.formData());
		const cells = Object.entries(v).flatMap(([name, value]) => {
			const [, userId, componentId] = /^s\.([^.]+)\.([0-9a-f-]{36})$/.exec(name) ?? [];
			return userId && componentId ? [{ name, userId, componentId, score: value.trim() === '' ? null : value.trim().replace(',', '.') }] : [];
		});
		const res = await attempt(event.locals.locale, v, () => recordScores(me, event.params.class, { scores: cells.map(({ name: _n, ...c }) => c) }));
		if (failed(res)) {
			const errors = Object.fromEntries(Object.entries(res.data.errors ?? {}).map(([k, e]) => [k.replace(/^scores\.(\d+)\.\w+$/, (_, n) => cells[Number(n)]?.name ?? k), e]));
			return fail(res.status, { form: 'scores', ...res.data, errors });
		}
		return { form: 'scores', done: t('training_scores_saved', {}, event.locals.locale) };
	},
	issue: async (event) => {
		const me = signedIn(event);
		const res = await attempt(event.locals.locale, {}, () => issueForClass(me, event.params.class));
		if (failed(res)) return fail(res.status, { form: 'issue', ...res.data });
		return { form: 'issue', done: res.length ? t('credential_issued_msg', { count: res.length }, event.locals.locale) : t('credential_none_due', {}, event.locals.locale) };
	},
	cancel: async (event) => {
		const me = signedIn(event);
		const v = formValues(await event.request.formData());
		const res = await attempt(event.locals.locale, v, () => cancelEnrolment(me, v.enrolment ?? ''));
		if (failed(res)) return fail(res.status, { enrolment: v.enrolment, ...res.data });
		return { enrolment: v.enrolment, done: t('training_cancelled_msg', {}, event.locals.locale) };
	}
};
