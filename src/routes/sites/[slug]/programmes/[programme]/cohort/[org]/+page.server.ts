import { fail, type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import type { UserActor } from '$lib/server/auth/actor';
import { signedIn } from '$lib/server/http/guard';
import { attempt, failed, fileOf, formValues, orError, type FormFailure } from '$lib/server/http/form';
import { getProgramme } from '$lib/server/incubation/programme.service';
import { addEvidence, addMilestone, deleteMilestone, getMember, memberIdBySlugs, signOffMilestone, submitMilestone, updateMilestone } from '$lib/server/incubation/cohort.service';
import { memberKpi, submitKpiReport } from '$lib/server/incubation/kpi.service';
import { can, Permission } from '$lib/server/auth/access';

async function memberOf(event: RequestEvent) {
	const p = await orError(event.locals.locale, () => getProgramme(event.params.programme!, event.params.slug!));
	return orError(event.locals.locale, () => memberIdBySlugs(p.id, event.params.org!));
}

export const load: PageServerLoad = async (event) => {
	const me = signedIn(event);
	const id = await memberOf(event);
	const [plan, kpi] = await Promise.all([orError(event.locals.locale, () => getMember(me, id)), orError(event.locals.locale, () => memberKpi(me, id))]);
	const canManage = plan.standing === 'staff' && (await can(me, Permission.ProgrammeManage, { siteId: (await getProgramme(plan.programme.id)).siteId }));
	return { plan, kpi, canManage };
};

interface Where {
	form: string;
	milestone?: string;
	period?: string;
}

/** One action on the plan: failures come back tagged with the form (and milestone or period) they belong to. */
async function act(event: RequestEvent, tag: (v: Record<string, string>) => Where, fn: (me: UserActor, v: Record<string, string>, data: FormData, id: string) => Promise<unknown>): Promise<ActionFailure<Where & FormFailure> | (Where & { done: true })> {
	const me = signedIn(event);
	const id = await memberOf(event);
	const data = await event.request.formData();
	const v = formValues(data);
	const where = tag(v);
	const res = await attempt(event.locals.locale, v, async () => (await fn(me, v, data, id), true));
	if (failed(res)) return fail(res.status, { form: where.form, milestone: where.milestone, period: where.period, ...res.data });
	return { form: where.form, milestone: where.milestone, period: where.period, done: true };
}

export const actions: Actions = {
	evidence: (e) =>
		act(e, (v) => ({ form: 'evidence', milestone: v.milestone }), async (me, v, data) => {
			const file = await fileOf(data, 'file');
			return addEvidence(me, v.milestone ?? '', file ? { file } : { name: v.name ?? '', url: v.url ?? '' });
		}),
	submit: (e) => act(e, (v) => ({ form: 'submit', milestone: v.milestone }), (me, v) => submitMilestone(me, v.milestone ?? '', { note: v.note ?? '' })),
	signoff: (e) => act(e, (v) => ({ form: 'signoff', milestone: v.milestone }), (me, v) => signOffMilestone(me, v.milestone ?? '', { decision: v.decision, comment: v.comment ?? '' })),
	change: (e) => act(e, (v) => ({ form: 'change', milestone: v.milestone }), (me, v) => updateMilestone(me, v.milestone ?? '', { title: v.title, description: v.description ?? '', dueOn: v.dueOn })),
	remove: (e) => act(e, (v) => ({ form: 'remove', milestone: v.milestone }), (me, v) => deleteMilestone(me, v.milestone ?? '')),
	milestone: (e) => act(e, () => ({ form: 'milestone' }), (me, v, _d, id) => addMilestone(me, id, { title: v.title, description: v.description ?? '', dueOn: v.dueOn })),
	report: (e) =>
		act(e, (v) => ({ form: 'report', period: v.period }), (me, v, _d, id) =>
			submitKpiReport(me, id, v.period ?? '', { values: Object.fromEntries(Object.entries(v).filter(([k]) => k.startsWith('m_')).map(([k, x]) => [k.slice(2), x])) })
		)
};
