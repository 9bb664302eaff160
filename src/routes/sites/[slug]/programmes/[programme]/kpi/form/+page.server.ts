import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { signedIn } from '$lib/server/http/guard';
import { attempt, failed, formValues, orError } from '$lib/server/http/form';
import { getProgramme } from '$lib/server/incubation/programme.service';
import { getKpiForm, saveKpiForm } from '$lib/server/incubation/kpi.service';

export const load: PageServerLoad = async (event) => {
	const me = signedIn(event);
	const programme = await orError(event.locals.locale, () => getProgramme(event.params.programme, event.params.slug));
	const kpiForm = await orError(event.locals.locale, () => getKpiForm(me, programme.id));
	return { programme: { id: programme.id, name: programme.name, slug: programme.slug, siteSlug: programme.siteSlug }, kpiForm };
};

/** Metric rows come as key_0, id_0, en_0, type_0, required_0 …; rows without a key are dropped. */
function metricsOf(v: Record<string, string>) {
	const rows = Object.keys(v)
		.filter((k) => /^key_\d+$/.test(k))
		.map((k) => Number(k.slice(4)))
		.sort((a, b) => a - b);
	return rows.filter((i) => v[`key_${i}`]?.trim()).map((i) => ({ key: v[`key_${i}`]!.trim(), label: { id: v[`id_${i}`] ?? '', en: v[`en_${i}`] ?? '' }, type: v[`type_${i}`] ?? 'count', required: v[`required_${i}`] === 'on' }));
}

export const actions: Actions = {
	default: async (event) => {
		const me = signedIn(event);
		const v = formValues(await event.request.formData());
		const p = await orError(event.locals.locale, () => getProgramme(event.params.programme!, event.params.slug!));
		const res = await attempt(event.locals.locale, v, () => saveKpiForm(me, p.id, { frequency: v.frequency, dueDay: v.dueDay, metrics: metricsOf(v) }));
		if (failed(res)) return fail(res.status, res.data);
		return { saved: true };
	}
};
