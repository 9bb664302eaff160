import type { PageServerLoad } from './$types';
import { signedIn } from '$lib/server/http/guard';
import { myApplications } from '$lib/server/incubation/application.service';

export const load: PageServerLoad = async (event) => ({ applications: await myApplications(signedIn(event)) });
