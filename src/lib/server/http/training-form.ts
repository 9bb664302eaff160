import { fail } from '@sveltejs/kit';
import { commaList, type FormFailure } from './form.ts';
import { localInstant } from '../facilities/time.ts';
import { t } from './translate.ts';

/** The course form's fields as service input (the shape the API accepts). */
export const courseInput = (v: Record<string, string>) => ({
	slug: v.slug,
	title: v.title,
	provider: v.provider ?? '',
	skills: commaList(v.skills),
	level: v.level,
	durationHours: v.durationHours,
	prerequisites: v.prerequisites ?? '',
	priceIdr: (v.priceIdr ?? '').replace(/[.\s]/g, '') || '0',
	language: v.language,
	description: v.description ?? ''
});

/**
 * A class's sessions from the form's lines, `2026-12-07 09:00 12:00`, read in the park's zone;
 * a line that is not one names itself.
 */
export function sessionsOf(text: string, timeZone: string, values: Record<string, string>, locale: 'id' | 'en') {
	const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
	const sessions: { startsAt: string; endsAt: string }[] = [];
	for (const [i, line] of lines.entries()) {
		const [date, from, to] = line.split(/\s+/);
		const startsAt = localInstant(date, from?.replace('.', ':'), timeZone);
		const endsAt = localInstant(date, to?.replace('.', ':'), timeZone);
		if (!startsAt || !endsAt) return fail(422, { message: t('err_validation', {}, locale), errors: { sessions: t('training_session_line', { n: i + 1 }, locale) }, values } satisfies FormFailure);
		sessions.push({ startsAt, endsAt });
	}
	return sessions;
}
