import { api, bodyWithPhoto, list, query } from '$lib/server/http/api';
import { checkOut, findLoans, type PublicLoan } from '$lib/server/facilities/loan.service';

const columns = [
	{ key: 'id', header: 'id', value: (l: PublicLoan) => l.id },
	{ key: 'site', header: 'site', value: (l: PublicLoan) => l.siteSlug },
	{ key: 'resource', header: 'resource', value: (l: PublicLoan) => l.resourceName },
	{ key: 'assetTag', header: 'asset_tag', value: (l: PublicLoan) => l.assetTag ?? '' },
	{ key: 'fundingSource', header: 'funding_source', value: (l: PublicLoan) => l.fundingSource ?? '' },
	{ key: 'borrower', header: 'borrower', value: (l: PublicLoan) => l.userName },
	{ key: 'organization', header: 'organization', value: (l: PublicLoan) => l.orgName ?? '' },
	{ key: 'checkedOutAt', header: 'checked_out_at', value: (l: PublicLoan) => l.checkedOutAt },
	{ key: 'dueAt', header: 'due_at', value: (l: PublicLoan) => l.dueAt },
	{ key: 'returnedAt', header: 'returned_at', value: (l: PublicLoan) => l.returnedAt ?? '' },
	{ key: 'conditionOut', header: 'condition_out', value: (l: PublicLoan) => l.conditionOut },
	{ key: 'conditionIn', header: 'condition_in', value: (l: PublicLoan) => l.conditionIn ?? '' },
	{ key: 'overdue', header: 'overdue', value: (l: PublicLoan) => (l.overdue ? 'yes' : 'no') }
];

export const GET = api(async (e) => list(e, { items: await findLoans(e.locals.actor, query(e)), nextCursor: null }, columns, 'loans'));
export const POST = api(async (e) => {
	const { input, photo } = await bodyWithPhoto(e);
	return checkOut(e.locals.actor, input, photo);
});
