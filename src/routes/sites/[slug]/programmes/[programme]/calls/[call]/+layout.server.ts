import { error } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';
import { signedIn } from '$lib/server/http/guard';
import { orError } from '$lib/server/http/form';
import { getProgramme } from '$lib/server/incubation/programme.service';
import { t } from '$lib/server/http/translate';

/** A call of the programme in the address, for its staff pages (the services check the permission). */
export const load: LayoutServerLoad = async (event) => {
	signedIn(event);
	const programme = await orError(event.locals.locale, () => getProgramme(event.params.programme, event.params.slug));
	const call = programme.calls.find((c) => c.id === event.params.call);
	if (!call) error(404, t('err_call_not_found', {}, event.locals.locale));
	return { programme, call };
};
