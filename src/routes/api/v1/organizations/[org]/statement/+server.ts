import { api, list, query } from '$lib/server/http/api';
import { statement, type StatementLine } from '$lib/server/facilities/plan.service';

const columns = [
	{ key: 'at', header: 'recorded_at', value: (l: StatementLine) => l.at },
	{ key: 'kind', header: 'kind', value: (l: StatementLine) => l.kind },
	{ key: 'allowance', header: 'allowance', value: (l: StatementLine) => l.allowance },
	{ key: 'amount', header: 'amount', value: (l: StatementLine) => l.amount },
	{ key: 'unit', header: 'unit', value: (l: StatementLine) => l.unit },
	{ key: 'bookingId', header: 'booking_id', value: (l: StatementLine) => l.bookingId ?? '' },
	{ key: 'resource', header: 'resource', value: (l: StatementLine) => l.resourceName ?? '' },
	{ key: 'startsAt', header: 'starts_at', value: (l: StatementLine) => l.startsAt ?? '' },
	{ key: 'endsAt', header: 'ends_at', value: (l: StatementLine) => l.endsAt ?? '' },
	{ key: 'status', header: 'booking_status', value: (l: StatementLine) => l.bookingStatus ?? '' },
	{ key: 'booker', header: 'booker', value: (l: StatementLine) => l.booker ?? '' }
];

/** JSON: the whole statement; CSV/XLSX: its ledger lines. */
export const GET = api(async (e) => {
	const s = await statement(e.locals.actor, e.params.org!, query(e));
	const format = e.url.searchParams.get('format');
	if (format && format !== 'json') return list(e, { items: s.lines, nextCursor: null }, columns, `statement-${s.org.slug}-${s.site.slug}-${s.month}`);
	return s;
});
