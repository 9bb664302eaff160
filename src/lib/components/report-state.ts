import type { ReportState } from '$lib/kpi';

/** The class that colours a KPI report's state (defined in app.css). */
export const stateClass = (s: ReportState) => `st-${s}`;

/** One letter per state, so a dashboard of thousands of cells ships a short string per startup. */
export const stateCode: Record<ReportState, string> = { submitted: 's', late: 'l', due: 'd', missing: 'm' };
