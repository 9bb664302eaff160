import { json } from '@sveltejs/kit';
import { api } from '$lib/server/http/api';
import { fileOf } from '$lib/server/http/form';
import { uploadFile } from '$lib/server/incubation/application.service';

/** multipart/form-data: `field` (the file field's key) and `file` (the PDF). */
export const POST = api(async (e) => {
	const data = await e.request.formData().catch(() => null);
	const file = data ? await fileOf(data, 'file') : undefined;
	return json(await uploadFile(e.locals.actor, e.params.id!, String(data?.get('field') ?? ''), file));
});
