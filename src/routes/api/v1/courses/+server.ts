import { api, query } from '$lib/server/http/api';
import { findCourses } from '$lib/server/training/course.service';

export const GET = api(async (e) => ({ items: await findCourses(query(e)), nextCursor: null }));
