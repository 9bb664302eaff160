import { api } from '$lib/server/http/api';
import { classCredentials } from '$lib/server/training/credentials/credential.service';
import { issueForClass } from '$lib/server/training/progress.service';

export const GET = api(async (e) => ({ items: await classCredentials(e.locals.actor, e.params.id!), nextCursor: null }));
export const POST = api(async (e) => ({ items: await issueForClass(e.locals.actor, e.params.id!), nextCursor: null }));
