import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { signedIn } from '$lib/server/http/guard';
import { attempt, failed, formValues, orError } from '$lib/server/http/form';
import { cancelEnrolment, createClass, enrol, getCourse, trainerPool, updateCourse } from '$lib/server/training/course.service';
import { findQualifications } from '$lib/server/facilities/qualification.service';
import { myTraining, setAssessment } from '$lib/server/training/progress.service';
import { findResources } from '$lib/server/facilities/resource.service';
import { can, Permission } from '$lib/server/auth/access';
import { sessionsOf } from '$lib/server/http/training-form';
import { t } from '$lib/server/http/translate';
import { zoneLabel } from '$lib/i18n/format';

export const load: PageServerLoad = async ({ params, locals }) => {
	const course = await orError(locals.locale, () => getCourse(params.course, params.slug));
	const canManage = await can(locals.actor, Permission.TrainingManage, { siteId: course.siteId });
	const ids = new Set(course.classes.map((k) => k.id));
	const [mine, trainers, rooms, qualifications] = await Promise.all([
		locals.actor.kind === 'user' ? myTraining(locals.actor) : [],
		canManage ? trainerPool(course.siteId) : [],
		canManage ? findResources({ class: 'space', site: course.siteId ?? undefined }) : [],
		course.siteId && (canManage || course.qualificationId) ? findQualifications(course.siteId) : []
	]);
	const active = mine.filter((e) => ids.has(e.classId) && ['pending', 'enrolled', 'waitlisted'].includes(e.status));
	const userId = locals.actor.kind === 'user' ? locals.actor.userId : null;
	return {
		course,
		canManage,
		trainers,
		qualifications: qualifications.map((q) => ({ id: q.id, name: q.name })),
		rooms: rooms.map((r) => ({ id: r.id, name: course.siteId ? r.name : `${r.name} — ${r.siteName}` })),
		zone: zoneLabel(course.timeZone),
		mine: Object.fromEntries(active.map((e) => [e.classId, { id: e.id, status: e.status, position: e.position, progress: e.progress }])),
		/** Classes whose page (participants, attendance, scores) I may open: all for staff, those I teach for trainers. */
		teaching: course.classes.filter((k) => canManage || k.trainers.some((t) => t.id === userId)).map((k) => k.id),
		signedIn: locals.actor.kind === 'user'
	};
};

export const actions: Actions = {
	/** Ask for a seat in one of the course's classes. */
	enrol: async (event) => {
		const me = signedIn(event);
		const v = formValues(await event.request.formData());
		const res = await attempt(event.locals.locale, v, () => enrol(me, v.class ?? ''));
		if (failed(res)) return fail(res.status, { form: 'enrol', class: v.class, ...res.data });
		return { form: 'enrol', class: v.class, done: t('training_enrolled_msg', { status: t(`enrolment_status_${res.status}`, {}, event.locals.locale) }, event.locals.locale) };
	},
	cancel: async (event) => {
		const me = signedIn(event);
		const v = formValues(await event.request.formData());
		const res = await attempt(event.locals.locale, v, () => cancelEnrolment(me, v.enrolment ?? ''));
		if (failed(res)) return fail(res.status, { form: 'enrol', ...res.data });
		return { form: 'enrol', class: res.classId, done: t('training_cancelled_msg', {}, event.locals.locale) };
	},
	/** Open a class: sessions are lines of the park's local date and times. */
	class: async (event) => {
		const me = signedIn(event);
		const data = await event.request.formData();
		const v = formValues(data);
		const locale = event.locals.locale;
		const course = await orError(locale, () => getCourse(event.params.course, event.params.slug));
		const sessions = sessionsOf(v.sessions ?? '', course.timeZone, v, locale);
		if (!Array.isArray(sessions)) return fail(422, { form: 'class', ...sessions.data });
		const input = { title: v.title, capacity: v.capacity, approvalRequired: v.approvalRequired === 'on', location: v.location ?? '', roomId: v.roomId, onlineUrl: v.onlineUrl, trainerIds: data.getAll('trainerIds').map(String), sessions };
		const res = await attempt(locale, v, () => createClass(me, course.id, input));
		if (failed(res)) return fail(res.status, { form: 'class', ...res.data });
		return { form: 'class', created: true };
	},
	/** The completion rule and the components: rows with an empty title are dropped. */
	assessment: async (event) => {
		const me = signedIn(event);
		const v = formValues(await event.request.formData());
		const locale = event.locals.locale;
		const course = await orError(locale, () => getCourse(event.params.course, event.params.slug));
		const rows = [...Array(COMPONENT_ROWS(course.components.length)).keys()].map((i) => ({ id: v[`c${i}.id`] || undefined, kind: v[`c${i}.kind`], title: (v[`c${i}.title`] ?? '').trim(), weight: v[`c${i}.weight`] }));
		const components = rows.filter((r) => r.title);
		const res = await attempt(locale, v, () => setAssessment(me, course.id, { passMark: v.passMark, minAttendance: v.minAttendance, components }));
		if (failed(res)) {
			// Field names follow the rows of the form, not the list sent.
			const errors = Object.fromEntries(Object.entries(res.data.errors ?? {}).map(([k, e]) => [k.replace(/^components\.(\d+)\.(\w+)$/, (_, n, f) => `c${rows.indexOf(components[Number(n)]!)}.${f}`), e]));
			return fail(res.status, { form: 'assessment', ...res.data, errors });
		}
		return { form: 'assessment', saved: true };
	},
	/** What the course's certificate says and does: validity, SKKNI units (lines of code and title), the qualification it grants. */
	certificate: async (event) => {
		const me = signedIn(event);
		const v = formValues(await event.request.formData());
		const locale = event.locals.locale;
		const course = await orError(locale, () => getCourse(event.params.course, event.params.slug));
		const lines = (v.skkni ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
		const bad = lines.findIndex((l) => !/\s/.test(l));
		if (bad >= 0) return fail(422, { form: 'certificate', values: v, errors: { skkni: t('err_skkni_line', { line: bad + 1 }, locale) } });
		const skkni = lines.map((l) => ({ code: l.split(/\s+/)[0]!, title: l.replace(/^\S+\s+/, '') }));
		const res = await attempt(locale, v, () => updateCourse(me, course.id, { validityMonths: v.validityMonths ?? '', skkni, qualificationId: v.qualificationId ?? '' }));
		if (failed(res)) {
			const errors = Object.fromEntries(Object.entries(res.data.errors ?? {}).map(([k, e]) => [k.startsWith('skkni') ? 'skkni' : k, k.startsWith('skkni.') ? `${t('err_skkni_line', { line: Number(k.split('.')[1]) + 1 }, locale)} ${e}` : e]));
			return fail(res.status, { form: 'certificate', ...res.data, errors });
		}
		return { form: 'certificate', saved: true };
	}
};

/** The assessment form shows the components there are and two empty rows for new ones. */
const COMPONENT_ROWS = (n: number) => n + 2;
