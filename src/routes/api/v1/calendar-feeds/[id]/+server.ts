import { api } from '$lib/server/http/api';
import { revokeFeed } from '$lib/server/facilities/feed.service';

export const DELETE = api(async (e) => revokeFeed(e.locals.actor, e.params.id!));
