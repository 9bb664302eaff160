import { error, fail } from '@sveltejs/kit';
import QRCode from 'qrcode';
import type { Actions, PageServerLoad } from './$types';
import { signedIn } from '$lib/server/http/guard';
import { attempt, failed, formValues, orError } from '$lib/server/http/form';
import { getCourse } from '$lib/server/training/course.service';
import { recordAttendance, sessionAttendance, sessionCode } from '$lib/server/training/progress.service';
import { t } from '$lib/server/http/translate';

/** One session of a class: the attendance list to tick, and the QR code participants scan (its trainers and the course's staff). */
export const load: PageServerLoad = async (event) => {
	const me = signedIn(event);
	const locale = event.locals.locale;
	const course = await orError(locale, () => getCourse(event.params.course, event.params.slug));
	const k = course.classes.find((x) => x.id === event.params.class);
	if (!k || !k.sessions.some((s) => s.id === event.params.session)) error(404, t('err_session_not_found', {}, locale));
	const [list, code] = await Promise.all([orError(locale, () => sessionAttendance(me, event.params.session)), orError(locale, () => sessionCode(me, event.params.session))]);
	const qr = await QRCode.toString(code.url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
	return { course, k, list, code, qr };
};

export const actions: Actions = {
	default: async (event) => {
		const me = signedIn(event);
		const data = await event.request.formData();
		const present = data.getAll('present').map(String);
		const res = await attempt(event.locals.locale, formValues(data), () => recordAttendance(me, event.params.session, { present }));
		if (failed(res)) return fail(res.status, res.data);
		return { done: t('training_attendance_saved', { count: res.participants.filter((p) => p.present).length }, event.locals.locale) };
	}
};
