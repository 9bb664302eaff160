import type { PageServerLoad } from './$types';
import { apiRoutes } from '$lib/server/api/routes';

export const load: PageServerLoad = () => ({ routes: apiRoutes.map(({ method, path, summary, tag, allow }) => ({ method, path, summary, tag, allow: Array.isArray(allow) ? allow.join(', ') : allow })) });
