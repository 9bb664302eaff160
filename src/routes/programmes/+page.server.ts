import type { PageServerLoad } from './$types';
import { findProgrammes } from '$lib/server/incubation/programme.service';

/** Every park's programmes, those open for applications first. */
export const load: PageServerLoad = async () => ({ programmes: await findProgrammes({}) });
