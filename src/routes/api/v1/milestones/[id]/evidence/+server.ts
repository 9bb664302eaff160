import { api, body } from '$lib/server/http/api';
import { fileOf } from '$lib/server/http/form';
import { AppError } from '$lib/server/platform/errors';
import { addEvidence } from '$lib/server/incubation/cohort.service';

/** A link as JSON ({name, url}), or multipart/form-data with a `file`. */
export const POST = api(async (e) => {
	if (!(e.request.headers.get('content-type') ?? '').startsWith('multipart/form-data')) return addEvidence(e.locals.actor, e.params.id!, await body(e));
	const data = await e.request.formData().catch(() => null);
	const file = data ? await fileOf(data, 'file') : undefined;
	if (!file) throw new AppError('VALIDATION', 'err_validation', {}, [{ field: 'file', key: 'err_field_required' }]);
	return addEvidence(e.locals.actor, e.params.id!, { file });
});
