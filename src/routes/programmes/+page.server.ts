import type { PageServerLoad } from './$types';
import { findProgrammes } from '$lib/server/incubation/programme.service';
import { can, Permission } from '$lib/server/auth/access';

/** Every park's programmes and the network's own, those open for applications first. */
export const load: PageServerLoad = async ({ locals }) => ({ programmes: await findProgrammes({}), canManageNetwork: await can(locals.actor, Permission.ProgrammeManage, { siteId: null }) });
