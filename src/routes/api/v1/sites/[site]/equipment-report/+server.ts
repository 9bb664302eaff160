import { api, list, query } from '$lib/server/http/api';
import { utilisationReport, type UtilisationRow } from '$lib/server/facilities/loan.service';

const columns = [
	{ key: 'fundingSource', header: 'funding_source', value: (r: UtilisationRow) => r.fundingSource ?? '' },
	{ key: 'assetTag', header: 'asset_tag', value: (r: UtilisationRow) => r.assetTag ?? '' },
	{ key: 'serialNumber', header: 'serial_number', value: (r: UtilisationRow) => r.serialNumber ?? '' },
	{ key: 'name', header: 'name', value: (r: UtilisationRow) => r.name },
	{ key: 'kind', header: 'kind', value: (r: UtilisationRow) => r.kind },
	{ key: 'acquiredOn', header: 'acquired_on', value: (r: UtilisationRow) => r.acquiredOn ?? '' },
	{ key: 'condition', header: 'condition', value: (r: UtilisationRow) => r.condition ?? '' },
	{ key: 'loans', header: 'loans', value: (r: UtilisationRow) => r.loans },
	{ key: 'loanDays', header: 'loan_days', value: (r: UtilisationRow) => r.loanDays },
	{ key: 'lateReturns', header: 'late_returns', value: (r: UtilisationRow) => r.lateReturns },
	{ key: 'overdueNow', header: 'overdue_now', value: (r: UtilisationRow) => r.overdueNow },
	{ key: 'bookedHours', header: 'booked_hours', value: (r: UtilisationRow) => r.bookedHours },
	{ key: 'maintenanceCount', header: 'maintenance_count', value: (r: UtilisationRow) => r.maintenanceCount },
	{ key: 'maintenanceCostIdr', header: 'maintenance_cost_idr', value: (r: UtilisationRow) => r.maintenanceCostIdr }
];

export const GET = api(async (e) => {
	const report = await utilisationReport(e.locals.actor, e.params.site!, query(e));
	return list(e, { items: report.items, nextCursor: null }, columns, `equipment-${report.from}-${report.to}`);
});
