import { api } from '$lib/server/http/api';
import { myEnrolments } from '$lib/server/training/course.service';

export const GET = api(async (e) => ({ items: await myEnrolments(e.locals.actor), nextCursor: null }));
