import type { AuditRecord } from './audit.service.ts';
import type { Column } from './export.ts';

/** Columns of an audit export (CSV/XLSX): times in UTC ISO 8601, changes as JSON. */
export const auditColumns: Column<AuditRecord>[] = [
	{ key: 'id', header: 'id', value: (a) => a.id },
	{ key: 'at', header: 'at_utc', value: (a) => a.at },
	{ key: 'actor', header: 'actor', value: (a) => a.actor },
	{ key: 'action', header: 'action', value: (a) => a.action },
	{ key: 'outcome', header: 'outcome', value: (a) => a.outcome },
	{ key: 'site', header: 'site', value: (a) => a.siteName },
	{ key: 'targetType', header: 'target_type', value: (a) => a.targetType },
	{ key: 'targetId', header: 'target_id', value: (a) => a.targetId },
	{ key: 'before', header: 'before', value: (a) => (a.before ? JSON.stringify(a.before) : '') },
	{ key: 'after', header: 'after', value: (a) => (a.after ? JSON.stringify(a.after) : '') },
	{ key: 'requestId', header: 'request_id', value: (a) => a.requestId }
];
