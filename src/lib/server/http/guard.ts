import { redirect } from '@sveltejs/kit';
import type { RequestEvent } from '@sveltejs/kit';
import type { UserActor } from '../auth/actor.ts';

/** Pages for signed-in people send visitors to sign in and come back. */
export function signedIn(event: Pick<RequestEvent, 'locals' | 'url'>): UserActor {
	const a = event.locals.actor;
	if (a.kind !== 'user') redirect(303, `/signin?redirectTo=${encodeURIComponent(event.url.pathname + event.url.search)}`);
	return a;
}
