import { orError } from '$lib/server/http/form';
import type { PageServerLoad } from './$types';
import { getPerson } from '$lib/server/directory/people.service';

export const load: PageServerLoad = async ({ params, locals }) => ({ person: await orError(locals.locale, () => getPerson(locals.actor, params.id)) });
