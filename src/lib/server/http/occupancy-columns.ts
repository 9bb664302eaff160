import type { OccupancyRow } from '../facilities/occupancy.service.ts';

/** The occupancy report as a spreadsheet: one row per facility. */
export const occupancyColumns = [
	{ key: 'site', header: 'site', value: (r: OccupancyRow) => r.siteSlug },
	{ key: 'resource', header: 'resource', value: (r: OccupancyRow) => r.name },
	{ key: 'kind', header: 'kind', value: (r: OccupancyRow) => r.kind },
	{ key: 'openHours', header: 'open_hours', value: (r: OccupancyRow) => r.openHours },
	{ key: 'bookedHours', header: 'booked_hours', value: (r: OccupancyRow) => r.bookedHours },
	{ key: 'occupancy', header: 'occupancy', value: (r: OccupancyRow) => r.occupancy }
];
