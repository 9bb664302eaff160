import type { PageServerLoad } from './$types';
import { signedIn } from '$lib/server/http/guard';
import { myApplications } from '$lib/server/incubation/application.service';
import { myCohorts } from '$lib/server/incubation/cohort.service';

export const load: PageServerLoad = async (event) => {
	const me = signedIn(event);
	const [applications, cohorts] = await Promise.all([myApplications(me), myCohorts(me)]);
	return { applications, cohorts };
};
