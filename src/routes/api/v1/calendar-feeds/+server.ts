import { api, body } from '$lib/server/http/api';
import { createFeed, findFeeds } from '$lib/server/facilities/feed.service';

export const GET = api(async (e) => ({ items: await findFeeds(e.locals.actor), nextCursor: null }));
export const POST = api(async (e) => createFeed(e.locals.actor, await body(e)));
