import { api } from '$lib/server/http/api';
import { classEnrolments, enrol } from '$lib/server/training/course.service';

export const GET = api(async (e) => ({ items: await classEnrolments(e.locals.actor, e.params.id!), nextCursor: null }));
export const POST = api(async (e) => enrol(e.locals.actor, e.params.id!));
