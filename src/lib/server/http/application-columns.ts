import type { ApplicationSummary } from '../incubation/application.service.ts';

/** A call's applications as a spreadsheet: one row per application. */
export const applicationColumns = [
	{ key: 'id', header: 'id', value: (r: ApplicationSummary) => r.id },
	{ key: 'status', header: 'status', value: (r: ApplicationSummary) => r.status },
	{ key: 'startup', header: 'startup', value: (r: ApplicationSummary) => r.startup },
	{ key: 'applicant', header: 'applicant', value: (r: ApplicationSummary) => r.applicantName },
	{ key: 'email', header: 'email', value: (r: ApplicationSummary) => r.applicantEmail },
	{ key: 'kbli', header: 'kbli', value: (r: ApplicationSummary) => r.kbli ?? '' },
	{ key: 'subsector', header: 'subsector', value: (r: ApplicationSummary) => r.subsector ?? '' },
	{ key: 'province', header: 'province_code', value: (r: ApplicationSummary) => r.provinceCode ?? '' },
	{ key: 'regency', header: 'regency_code', value: (r: ApplicationSummary) => r.regencyCode ?? '' },
	{ key: 'region', header: 'region', value: (r: ApplicationSummary) => r.region },
	{ key: 'submittedAt', header: 'submitted_at', value: (r: ApplicationSummary) => r.submittedAt ?? '' }
];
