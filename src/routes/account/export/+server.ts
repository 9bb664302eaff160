import type { RequestHandler } from './$types';
import { exportMyData } from '$lib/server/directory/people.service';
import { signedIn } from '$lib/server/http/guard';

/** Download of all my data (UU PDP), the same service as GET /api/v1/me/export. */
export const GET: RequestHandler = async (event) => {
	const data = await exportMyData(signedIn(event));
	return new Response(JSON.stringify(data, null, 2), {
		headers: { 'content-type': 'application/json; charset=utf-8', 'content-disposition': `attachment; filename="taman-data-saya-${new Date().toISOString().slice(0, 10)}.json"` }
	});
};
