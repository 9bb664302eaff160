import { commaList } from './form.ts';
import { grantableRoles } from '../../schemas/directory.ts';

const numeric = ['capacity', 'slotMinutes', 'minMinutes', 'maxMinutes', 'noticeMinutes', 'maxDaysAhead', 'bufferMinutes', 'creditsPerHour'] as const;
const flags = ['approvalRequired', 'shared', 'alwaysOpen', 'active'] as const;

/**
 * The facility form's fields as service input (the shape the API accepts). Empty rule fields are
 * left out so the kind's defaults apply; unticked boxes are false.
 */
export function resourceInput(v: Record<string, string>, opts: { editing: boolean }) {
	const out: Record<string, unknown> = {
		name: v.name,
		slug: v.slug,
		kind: v.kind,
		location: v.location ?? '',
		description: v.description ?? '',
		tags: commaList(v.tags),
		assetTag: v.assetTag,
		serialNumber: v.serialNumber,
		fundingSource: v.fundingSource,
		acquiredOn: v.acquiredOn,
		condition: v.condition,
		bookableBy: v.bookableBy || undefined,
		// One box per role (`bookableRole.mentor` …); sent only with "holders of these roles".
		bookableRoles: v.bookableBy === 'roles' ? grantableRoles.filter((r) => v[`bookableRole.${r}`] === 'on') : v.bookableBy ? [] : undefined,
		qualificationId: v.qualificationId
	};
	for (const k of numeric) if (v[k]) out[k] = v[k];
	for (const k of flags) if (k !== 'active' || opts.editing) out[k] = v[k] === 'on';
	return out;
}
