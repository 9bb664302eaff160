import { m } from '$lib/paraglide/messages';
import { formatNumber, type Locale } from '$lib/i18n/format';
import { label } from './labels';

/** "Kehadiran 2/2 (100%) · nilai 74 · Lulus": a participant's progress in a class, in one line. */
export function progressText(p: { attended: number; sessions: number; attendance: number; score: number | null; outcome: string }, locale: Locale): string {
	return m.training_my_progress({ attended: p.attended, sessions: p.sessions, share: formatNumber(p.attendance, locale), score: p.score === null ? '—' : formatNumber(p.score, locale), outcome: label('outcome', p.outcome) });
}
