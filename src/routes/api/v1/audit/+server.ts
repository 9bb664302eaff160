import { api, list, pageOf, query } from '$lib/server/http/api';
import { findAudit, type AuditRecord } from '$lib/server/platform/audit.service';
import { auditColumns } from '$lib/server/platform/audit-columns';

export const GET = api(async (e) => {
	const { site, action, outcome, from, to } = query(e);
	return list<AuditRecord>(e, await findAudit(e.locals.actor, { site, action, outcome, from, to }, pageOf(e)), auditColumns, 'audit');
});
