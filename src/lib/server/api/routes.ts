import { z } from 'zod';
import { zCreateSite, zUpdateSite, zCreateOrg, zUpdateOrg, zAddMember, zCreateTenancy, zUpdateTenancy, zInvite, zUpdateProfile, zDirectoryQuery } from '../../schemas/directory.ts';
import { zCreateToken } from '../auth/tokens.service.ts';
import { zAuditQuery } from '../platform/audit.service.ts';
import type { Role } from '../auth/actor.ts';
import { zCreateProgramme, zUpdateProgramme, zProgrammeQuery, zCreateCall, zUpdateCall, zStartApplication, zSaveApplication, zApplicationQuery, zUploadFile, zCreateStage, zUpdateStage, zMoveApplications, zAssignReviewers, zUnassignReviewer, zScoreReview, zDeclareConflict, zRankingQuery, zAddCohortMember, zMilestoneTemplate, zCreateMilestone, zUpdateMilestone, zEvidenceLink, zSubmitMilestone, zSignOffMilestone, zKpiForm, zKpiReport, zMentorQuery, zSlotQuery, zMentorProfile, zOfficeHours, zBookSession, zSessionNotes, zSessionFeedback, zMailTemplates } from '../../schemas/incubation.ts';
import { zSaveForm } from '../../schemas/forms.ts';
import { zAssessmentScheme, zAttendanceList, zCheckIn, zRevokeCredential, zCourseQuery, zCreateClass, zCreateCourse, zEnrolmentDecision, zScores, zUpdateCourse } from '../../schemas/training.ts';
import { zCreateResource, zUpdateResource, zResourceQuery, zBookingDefaults, zCreateBooking, zDecision, zAvailabilityQuery, zBookingQuery, zChangeBooking, zCreateQualification, zGrantQualification, zCreateBlackout, zCheckOut, zReturn, zLoanQuery, zCreateMaintenance, zReportQuery, zCalendarQuery, zHolidayQuery, zMoveHoliday, zRegionalHoliday, zOptOut, zCreateFeed, zCreatePlan, zAddPlanMember, zStatementQuery } from '../../schemas/facilities.ts';

/**
 * Every route of /api/v1, in one table. It produces the OpenAPI document, and the authorization
 * matrix test checks each route against each role — a route missing here fails that test.
 *
 * `allow` says who succeeds: 'anyone', 'signed_in', or the roles that succeed at their own site
 * ('site' routes) / anywhere ('network_admin' always succeeds).
 */
export interface ApiRoute {
	method: 'get' | 'post' | 'put' | 'patch' | 'delete';
	path: string;
	summary: string;
	tag: string;
	allow: 'anyone' | 'signed_in' | 'org_admin' | 'self' | Role[];
	body?: z.ZodType;
	query?: z.ZodObject;
	list?: boolean;
	/** The body may also be multipart/form-data: the same fields, and a `photo` file (JPEG/PNG/WebP ≤ 5 MB). */
	photo?: boolean;
	/** The body is multipart/form-data only: the fields, and a PDF `file`. */
	pdf?: boolean;
	/** The body is a link as JSON, or multipart/form-data with a `file` (PDF or image). */
	evidence?: boolean;
	/** Refusals answer 404, not 403: whoever may not see the thing is not told it exists. */
	hidden?: boolean;
	/** Success status when it is not the method's usual one (POST actions on an existing booking answer 200). */
	ok?: number;
}

const site = 'Sites';
const fac = 'Facilities';
const book = 'Bookings';
const loans = 'Equipment loans';
const plans = 'Plans and ledger';
const staff: Role[] = ['site_manager', 'site_staff'];
const members: Role[] = ['site_manager', 'site_staff', 'mentor', 'reviewer', 'member', 'client'];
const org = 'Organisations';
const prog = 'Programmes';
const apps = 'Applications';
const rev = 'Review';
const coh = 'Cohorts';
const ment = 'Mentoring';
const train = 'Training';
const cred = 'Credentials';

export const apiRoutes: ApiRoute[] = [
	{ method: 'get', path: '/sites', summary: 'List the parks of the network', tag: site, allow: 'anyone', list: true },
	{ method: 'post', path: '/sites', summary: 'Create a park', tag: site, allow: ['network_admin'], body: zCreateSite },
	{ method: 'get', path: '/sites/{site}', summary: 'A park by id or slug', tag: site, allow: 'anyone' },
	{ method: 'patch', path: '/sites/{site}', summary: 'Update a park', tag: site, allow: ['site_manager'], body: zUpdateSite },
	{ method: 'get', path: '/sites/{site}/tenancies', summary: 'Tenancies at a park', tag: site, allow: 'anyone', list: true },
	{ method: 'get', path: '/sites/{site}/roles', summary: 'Role holders and pending invitations at a park', tag: 'Roles', allow: ['site_manager', 'site_staff'] },
	{ method: 'post', path: '/sites/{site}/invitations', summary: 'Invite someone to a role at a park (sends an e-mail)', tag: 'Roles', allow: ['site_manager'], body: zInvite },
	{ method: 'delete', path: '/roles/{id}', summary: 'Revoke a role', tag: 'Roles', allow: ['site_manager'] },
	{ method: 'post', path: '/tenancies', summary: 'Record that an organisation is a tenant of a park', tag: site, allow: ['site_manager', 'site_staff'], body: zCreateTenancy },
	{ method: 'patch', path: '/tenancies/{id}', summary: 'Change a tenancy\'s status or dates (ending one without an end date ends it today in the park\'s zone)', tag: site, allow: ['site_manager', 'site_staff'], body: zUpdateTenancy },
	{ method: 'get', path: '/organizations', summary: 'Search the Penta Helix directory', tag: org, allow: 'anyone', query: zDirectoryQuery, list: true },
	{ method: 'post', path: '/organizations', summary: 'Register an organisation (you become its admin)', tag: org, allow: 'signed_in', body: zCreateOrg },
	{ method: 'get', path: '/organizations/{org}', summary: 'An organisation with members and tenancies', tag: org, allow: 'anyone' },
	{ method: 'patch', path: '/organizations/{org}', summary: 'Update an organisation', tag: org, allow: 'org_admin', body: zUpdateOrg },
	{ method: 'post', path: '/organizations/{org}/members', summary: 'Add a member by e-mail', tag: org, allow: 'org_admin', body: zAddMember },
	{ method: 'delete', path: '/organizations/{org}/members/{userId}', summary: 'Remove a member', tag: org, allow: 'org_admin' },
	{ method: 'get', path: '/people', summary: 'Public profiles', tag: 'People', allow: 'anyone', list: true },
	{ method: 'get', path: '/people/{id}', summary: 'A public profile', tag: 'People', allow: 'anyone' },
	{ method: 'get', path: '/me', summary: 'My profile, roles and organisations', tag: 'Me', allow: 'signed_in' },
	{ method: 'patch', path: '/me', summary: 'Update my profile and privacy choices', tag: 'Me', allow: 'signed_in', body: zUpdateProfile },
	{ method: 'get', path: '/me/export', summary: 'All my data (UU PDP), machine-readable', tag: 'Me', allow: 'signed_in' },
	{ method: 'get', path: '/tokens', summary: 'My API tokens', tag: 'Me', allow: 'signed_in' },
	{ method: 'post', path: '/tokens', summary: 'Create an API token (the secret is returned once)', tag: 'Me', allow: 'signed_in', body: zCreateToken },
	{ method: 'delete', path: '/tokens/{id}', summary: 'Revoke one of my API tokens', tag: 'Me', allow: 'self' },
	{ method: 'get', path: '/audit', summary: 'Audit records (?site= for one park)', tag: 'Audit', allow: ['site_manager'], query: zAuditQuery, list: true },
	{ method: 'get', path: '/resources', summary: 'Bookable facilities (?site=&kind=&class=&capacity=)', tag: fac, allow: 'anyone', query: zResourceQuery, list: true },
	{ method: 'post', path: '/sites/{site}/resources', summary: 'Add a facility to a park', tag: fac, allow: staff, body: zCreateResource },
	{ method: 'get', path: '/sites/{site}/booking-defaults', summary: 'The rules new facilities start with at this park, per class: the park\'s own and the effective ones', tag: fac, allow: 'anyone' },
	{ method: 'patch', path: '/sites/{site}/booking-defaults', summary: 'Set the rules new facilities of each class start with (existing facilities keep theirs)', tag: fac, allow: ['site_manager'], body: zBookingDefaults },
	{ method: 'get', path: '/resources/{id}', summary: 'A facility with its booking rules', tag: fac, allow: 'anyone' },
	{ method: 'patch', path: '/resources/{id}', summary: 'Update a facility or its rules', tag: fac, allow: staff, body: zUpdateResource },
	{ method: 'get', path: '/resources/{id}/availability', summary: 'Opening hours, closures and taken slots per day (?from=&to=, dates in the park\'s zone)', tag: fac, allow: 'anyone', query: zAvailabilityQuery },
	{ method: 'get', path: '/sites/{site}/calendar', summary: 'A park\'s day or week: facilities, bookings and closures (?from=&to= local dates, at most 42 days; ?kind=, ?resource=). Purposes are shown to their bookers and the staff, bookers\' names to the staff only', tag: fac, allow: 'anyone', query: zCalendarQuery },
	{ method: 'get', path: '/bookings', summary: 'My bookings, or a park\'s / facility\'s (?site=, ?resource=; staff)', tag: book, allow: 'signed_in', query: zBookingQuery, list: true },
	{ method: 'post', path: '/bookings', summary: 'Book once or as a series (recurrence, skipConflicts, dryRun for the conflict report)', tag: book, allow: members, body: zCreateBooking },
	{ method: 'get', path: '/bookings/{id}', summary: 'A booking (its booker or the park\'s staff)', tag: book, allow: staff },
	{ method: 'patch', path: '/bookings/{id}', summary: 'Move a booking or change its purpose or seats (its booker before the start, or staff); checked like a new booking', tag: book, allow: staff, body: zChangeBooking },
	{ method: 'post', path: '/bookings/{id}/cancel', ok: 200, summary: 'Cancel a booking (its booker before the start, or staff)', tag: book, allow: staff, body: zDecision },
	{ method: 'post', path: '/bookings/{id}/approve', ok: 200, summary: 'Approve a pending booking', tag: book, allow: staff, body: zDecision },
	{ method: 'post', path: '/bookings/{id}/decline', ok: 200, summary: 'Decline a pending booking with a reason', tag: book, allow: staff, body: zDecision },
	{ method: 'post', path: '/bookings/{id}/check-in', ok: 200, summary: 'Check in (the booker around the start, or staff)', tag: book, allow: staff },
	{ method: 'post', path: '/sites/{site}/blackouts', summary: 'Block a facility or the whole park for a time', tag: fac, allow: staff, body: zCreateBlackout },
	{ method: 'get', path: '/sites/{site}/blackouts', summary: 'Closures of the park and its facilities that have not ended yet', tag: fac, allow: staff, list: true },
	{ method: 'delete', path: '/sites/{site}/blackouts/{id}', summary: 'Lift a closure that has not ended (the facility can be booked again)', tag: fac, allow: staff },
	{ method: 'get', path: '/holidays', summary: 'National days and joint leave of a year (?year=); with ?site= also the park\'s own days and the national days it stays open', tag: fac, allow: 'anyone', query: zHolidayQuery, list: true },
	{ method: 'patch', path: '/holidays/{id}', summary: 'Move a national day to the date the government set (Islamic days after the sidang isbat); every park keeping it follows', tag: fac, allow: ['network_admin'], body: zMoveHoliday },
	{ method: 'post', path: '/sites/{site}/holidays', summary: 'Add a day the park is closed (a regional holiday)', tag: fac, allow: ['site_manager'], body: zRegionalHoliday },
	{ method: 'delete', path: '/sites/{site}/holidays/{id}', summary: 'Remove one of the park\'s own closed days', tag: fac, allow: ['site_manager'] },
	{ method: 'post', path: '/sites/{site}/holiday-opt-outs', summary: 'Keep the park open on a national day', tag: fac, allow: ['site_manager'], body: zOptOut },
	{ method: 'delete', path: '/sites/{site}/holiday-opt-outs/{day}', summary: 'Close the park again on a national day it had stayed open', tag: fac, allow: ['site_manager'] },
	{ method: 'get', path: '/sites/{site}/qualifications', summary: 'Qualifications that gate equipment at a park', tag: fac, allow: 'anyone' },
	{ method: 'post', path: '/sites/{site}/qualifications', summary: 'Create a qualification (e.g. a safety induction)', tag: fac, allow: staff, body: zCreateQualification },
	{ method: 'get', path: '/qualifications/{id}/holders', summary: 'Who holds a qualification', tag: fac, allow: staff },
	{ method: 'post', path: '/qualifications/{id}/holders', summary: 'Grant a qualification to a person by e-mail', tag: fac, allow: staff, body: zGrantQualification },
	{ method: 'delete', path: '/qualifications/{id}/holders/{userId}', summary: 'Revoke a qualification (blocks new bookings at once)', tag: fac, allow: staff },
	{ method: 'get', path: '/loans', summary: 'Equipment loans: mine, or a park\'s / an item\'s (?site=, ?resource=, ?status=open|overdue|returned; staff)', tag: loans, allow: 'signed_in', query: zLoanQuery, list: true },
	{ method: 'post', path: '/loans', summary: 'Check out an item of equipment to a person until a due date (JSON, or multipart/form-data with a `photo`)', tag: loans, allow: staff, body: zCheckOut, photo: true },
	{ method: 'get', path: '/loans/{id}', summary: 'A loan (its borrower or the park\'s staff)', tag: loans, allow: staff },
	{ method: 'post', path: '/loans/{id}/return', ok: 200, summary: 'Check an item back in with its condition (JSON, or multipart/form-data with a `photo`)', tag: loans, allow: staff, body: zReturn, photo: true },
	{ method: 'get', path: '/resources/{id}/maintenance', summary: 'Maintenance records of an item', tag: loans, allow: staff },
	{ method: 'post', path: '/resources/{id}/maintenance', summary: 'Record maintenance of an item (date, kind, cost in Rupiah, condition after)', tag: loans, allow: staff, body: zCreateMaintenance },
	{ method: 'get', path: '/sites/{site}/equipment-report', summary: 'Utilisation per item and funding source for a period (?from=&to=; ?format=csv|xlsx)', tag: loans, allow: staff, query: zReportQuery, list: true },
	{ method: 'get', path: '/sites/{site}/plans', summary: 'Allowance plans of a park (members shown to its staff)', tag: plans, allow: 'anyone' },
	{ method: 'post', path: '/sites/{site}/plans', summary: 'Create a plan of monthly allowances per kind of facility', tag: plans, allow: staff, body: zCreatePlan },
	{ method: 'post', path: '/plans/{id}/members', summary: 'Put an organisation on a plan from a date', tag: plans, allow: staff, body: zAddPlanMember },
	{ method: 'get', path: '/organizations/{org}/statement', summary: 'An organisation\'s allowance statement for a month at a park (?site=&month=YYYY-MM; ?format=csv|xlsx for the ledger lines)', tag: plans, allow: staff, query: zStatementQuery },
	{ method: 'get', path: '/sites/{site}/occupancy', summary: 'Occupancy (hours booked ÷ hours open) per facility, with totals per kind (?from=&to=; ?format=csv|xlsx)', tag: fac, allow: staff, query: zReportQuery },
	{ method: 'get', path: '/occupancy', summary: 'Occupancy of every park side by side (network admins; ?from=&to=; ?format=csv|xlsx)', tag: fac, allow: ['network_admin'], query: zReportQuery },
	{ method: 'get', path: '/calendar-feeds', summary: 'My calendar subscription addresses (secrets are not shown again)', tag: book, allow: 'signed_in', list: true },
	{ method: 'post', path: '/calendar-feeds', summary: 'Create a secret iCalendar address: my bookings and loans, or one facility (resourceId); the url is returned once', tag: book, allow: 'signed_in', body: zCreateFeed },
	{ method: 'delete', path: '/calendar-feeds/{id}', summary: 'Revoke one of my calendar addresses', tag: book, allow: 'self' },
	{ method: 'get', path: '/programmes', summary: 'Programmes (incubation, acceleration, pre-incubation, internship) of every park and the network, of one park (?site=), or of the network itself (?site=jaringan), those with a call open now first (?open=1 for only those)', tag: prog, allow: 'anyone', query: zProgrammeQuery, list: true },
	{ method: 'post', path: '/sites/{site}/programmes', summary: 'Create a programme at a park (dates are the park\'s local dates; planId: a facilities plan its startups receive), or with site `jaringan` a programme of the network itself (network admins; WIB; no plan; reviewers from any park; accepted startups join the cohort without a tenancy)', tag: prog, allow: staff, body: zCreateProgramme },
	{ method: 'get', path: '/programmes/{id}', summary: 'A programme with its calls (state: upcoming, open, closed)', tag: prog, allow: 'anyone' },
	{ method: 'patch', path: '/programmes/{id}', summary: 'Change a programme', tag: prog, allow: staff, body: zUpdateProgramme },
	{ method: 'post', path: '/programmes/{id}/calls', summary: 'Open a call for applications between two instants (ISO 8601 with offset)', tag: prog, allow: staff, body: zCreateCall },
	{ method: 'patch', path: '/calls/{id}', summary: 'Change a call: its text, or move its opening or closing', tag: prog, allow: staff, body: zUpdateCall },
	{ method: 'get', path: '/calls/{id}/form', summary: 'The application form applicants fill in now: sections of fields (type, bilingual label and help, required, options, showIf condition)', tag: apps, allow: 'anyone' },
	{ method: 'put', path: '/calls/{id}/form', summary: 'Replace a call\'s form. Once applications use the latest version a new version is written; submitted applications keep theirs, drafts move to the new one', tag: apps, allow: staff, body: zSaveForm },
	{ method: 'post', path: '/calls/{id}/applications', summary: 'Start a draft application to an open call (on behalf of one of your organisations, or a new startup\'s name)', tag: apps, allow: 'signed_in', body: zStartApplication },
	{ method: 'get', path: '/calls/{id}/applications', summary: 'A call\'s applications, submitted first (staff; ?status=, ?q=; ?format=csv|xlsx)', tag: apps, allow: staff, query: zApplicationQuery, list: true },
	{ method: 'get', path: '/me/applications', summary: 'My applications and their status', tag: apps, allow: 'signed_in' },
	{ method: 'get', path: '/applications/{id}', summary: 'An application with the form version it answers (its applicant, or the park\'s staff; anyone else gets 404)', tag: apps, allow: staff, hidden: true },
	{ method: 'patch', path: '/applications/{id}', summary: 'Save a draft: answers by field key (checked by type), organisation or startup name, KBLI 2020 code, creative subsector, region (applicant only, while the call is open)', tag: apps, allow: 'self', body: zSaveApplication },
	{ method: 'post', path: '/applications/{id}/files', ok: 200, summary: 'Attach a PDF to a file field of a draft (multipart/form-data: `field` and `file`; checked by its first bytes and the field\'s size limit)', tag: apps, allow: 'self', body: zUploadFile, pdf: true },
	{ method: 'get', path: '/applications/{id}/files/{fileId}', summary: 'Download a file of an application (its applicant, or the park\'s staff; anyone else gets 404)', tag: apps, allow: staff, hidden: true },
	{ method: 'post', path: '/applications/{id}/submit', ok: 200, summary: 'Submit a draft before the call closes; every shown required field, the sector and the region must be given (422 names each missing one)', tag: apps, allow: 'self' },
	{ method: 'post', path: '/applications/{id}/withdraw', ok: 200, summary: 'Withdraw a draft or submitted application', tag: apps, allow: 'self' },
	{ method: 'get', path: '/calls/{id}/stages', summary: 'A call\'s review stages in order, with their rubrics and progress (staff and the park\'s reviewers)', tag: rev, allow: ['site_manager', 'site_staff', 'reviewer'] },
	{ method: 'post', path: '/calls/{id}/stages', summary: 'Add a review stage after the last: name, rubric (criteria with weight and top of scale), blind mode, required comments, reviewers per application', tag: rev, allow: staff, body: zCreateStage },
	{ method: 'patch', path: '/stages/{id}', summary: 'Change a stage (its rubric only until a review is submitted)', tag: rev, allow: staff, body: zUpdateStage },
	{ method: 'get', path: '/calls/{id}/mail-templates', summary: 'The wording of the call\'s decision e-mails (advanced, accepted, rejected) in Indonesian and English: the staff\'s own (custom) or built in', tag: rev, allow: staff },
	{ method: 'put', path: '/calls/{id}/mail-templates', summary: 'Word the call\'s decision e-mails, each decision in both languages; {name}, {startup}, {programme}, {call}, {site} and {stage} are filled in when sent, any other placeholder is refused', tag: rev, allow: staff, body: zMailTemplates },
	{ method: 'post', path: '/calls/{id}/moves', ok: 200, summary: 'Move submitted applications into a stage, or accept (they join the cohort: tenancy and plan) or reject them; applicants are e-mailed unless notify is false. Answers {moved, skipped}', tag: rev, allow: staff, body: zMoveApplications },
	{ method: 'post', path: '/stages/{id}/assignments', ok: 200, summary: 'Assign one reviewer to applications of the stage, or {auto: true}: balanced assignment up to the stage\'s reviewers per application, never to a reviewer with a conflict', tag: rev, allow: staff, body: zAssignReviewers },
	{ method: 'post', path: '/stages/{id}/unassignments', ok: 200, summary: 'Take one reviewer off applications of the stage; reviews they already submitted stay. Answers {removed, kept}', tag: rev, allow: staff, body: zUnassignReviewer },
	{ method: 'get', path: '/stages/{id}/ranking', summary: 'The stage\'s applications ranked by mean weighted total, or by mean z-score per reviewer (?normalise=1), with spread (min, max, SD) and each review', tag: rev, allow: staff, query: zRankingQuery },
	{ method: 'get', path: '/me/reviews', summary: 'The reviews assigned to me (blind stages show no names)', tag: rev, allow: 'signed_in' },
	{ method: 'get', path: '/reviews/{id}', summary: 'One of my reviews: the application (without who applied in a blind stage) and the rubric', tag: rev, allow: 'self' },
	{ method: 'put', path: '/reviews/{id}', summary: 'Score one of my reviews: every criterion from 0 to its scale, and a comment when the stage requires one', tag: rev, allow: 'self', body: zScoreReview },
	{ method: 'post', path: '/applications/{id}/conflicts', ok: 200, summary: 'Declare a conflict of interest: the application is hidden from me everywhere from now on, my review of it is removed and another reviewer takes my place', tag: rev, allow: ['site_manager', 'site_staff', 'reviewer'], body: zDeclareConflict },
	{ method: 'get', path: '/programmes/{id}/cohort', summary: 'The programme\'s cohort: its startups with milestone progress (total, approved, awaiting sign-off, overdue)', tag: coh, allow: staff },
	{ method: 'post', path: '/programmes/{id}/cohort', summary: 'Add a startup to the cohort by hand (accepting an application adds it too): it becomes a tenant for the run, on the programme\'s plan, with milestones from the template', tag: coh, allow: staff, body: zAddCohortMember },
	{ method: 'put', path: '/programmes/{id}/milestone-template', summary: 'Replace the milestone template new cohort members get (title, description, due a number of days after their start)', tag: coh, allow: staff, body: zMilestoneTemplate },
	{ method: 'get', path: '/me/cohorts', summary: 'The cohorts my organisations are in', tag: coh, allow: 'signed_in' },
	{ method: 'get', path: '/cohort-members/{id}', summary: 'A startup\'s plan: its milestones with status, due date and evidence (the park\'s staff and the startup\'s people; anyone else gets 404)', tag: coh, allow: staff, hidden: true },
	{ method: 'post', path: '/cohort-members/{id}/milestones', summary: 'Add a milestone to one startup\'s plan', tag: coh, allow: staff, body: zCreateMilestone },
	{ method: 'patch', path: '/milestones/{id}', summary: 'Change a milestone: title, description, due date', tag: coh, allow: staff, body: zUpdateMilestone },
	{ method: 'delete', path: '/milestones/{id}', summary: 'Remove a milestone from a plan', tag: coh, allow: staff },
	{ method: 'post', path: '/milestones/{id}/evidence', summary: 'Add evidence to a milestone not yet signed off: a link ({name, url}) or a file (multipart `file`: PDF or image, at most 10 MB, checked by its first bytes)', tag: coh, allow: staff, hidden: true, body: zEvidenceLink, evidence: true },
	{ method: 'get', path: '/milestones/{id}/evidence/{evidenceId}', summary: 'Download an evidence file (the park\'s staff and the startup\'s people; anyone else gets 404)', tag: coh, allow: staff, hidden: true },
	{ method: 'post', path: '/milestones/{id}/submit', ok: 200, summary: 'Ask for sign-off of a milestone with evidence, with a note', tag: coh, allow: staff, hidden: true, body: zSubmitMilestone },
	{ method: 'post', path: '/milestones/{id}/sign-off', ok: 200, summary: 'Sign a submitted milestone off, or ask for changes (a comment is then required); the startup is e-mailed', tag: coh, allow: staff, body: zSignOffMilestone },
	{ method: 'get', path: '/programmes/{id}/kpi-form', summary: 'The programme\'s KPI report form: frequency, due day, metrics (the standard monthly one until staff save their own)', tag: coh, allow: staff },
	{ method: 'put', path: '/programmes/{id}/kpi-form', summary: 'Replace the KPI report form (reports already in keep their values)', tag: coh, allow: staff, body: zKpiForm },
	{ method: 'get', path: '/programmes/{id}/kpi', summary: 'KPI dashboard: ended periods, each startup\'s state per period (submitted, late, due, missing), completion and the cohort\'s totals per period; ?format=csv|xlsx for every report, one row per startup and period', tag: coh, allow: staff },
	{ method: 'get', path: '/cohort-members/{id}/kpi-reports', summary: 'A startup\'s KPI reports per ended period, newest first, with the form (the park\'s staff and the startup\'s people)', tag: coh, allow: staff, hidden: true },
	{ method: 'put', path: '/cohort-members/{id}/kpi-reports/{period}', summary: 'Send or correct the report of an ended period (YYYY-MM; a quarter by its first month): money in whole Rupiah, counts, text; required metrics must be given', tag: coh, allow: staff, hidden: true, body: zKpiReport },
	{ method: 'get', path: '/mentors', summary: 'Mentors of the network or a park (?site=), by name or expertise (?q=), with their parks, languages and profile', tag: ment, allow: 'anyone', query: zMentorQuery },
	{ method: 'get', path: '/mentors/{id}', summary: 'A mentor with weekly office hours (in the mentor\'s zone)', tag: ment, allow: 'anyone' },
	{ method: 'get', path: '/mentors/{id}/slots', summary: 'A mentor\'s free slots for the next ?days= (default 14): office hours less booked sessions and the two hours\' notice', tag: ment, allow: 'anyone', query: zSlotQuery },
	{ method: 'put', path: '/me/mentor-profile', summary: 'Write my mentor profile: headline, bio, expertise, languages, organisation, time zone, open to new sessions (mentors only)', tag: ment, allow: ['mentor'], body: zMentorProfile },
	{ method: 'put', path: '/me/office-hours', summary: 'Replace my weekly office hours: weekday, from, to (my zone), minutes per session, online and/or at a park where I mentor (mentors only)', tag: ment, allow: ['mentor'], body: zOfficeHours },
	{ method: 'post', path: '/sessions', summary: 'Book a session in a free slot for a startup of mine in a cohort, within the programme\'s hours per startup: online (a Jitsi Meet room) or on site (a meeting room booked through the facilities service); mentor and booker are e-mailed with an .ics. The startup\'s people (or the park\'s staff for them); anyone else gets 404', tag: ment, allow: staff, hidden: true, body: zBookSession },
	{ method: 'get', path: '/me/sessions', summary: 'Sessions I mentor and those of my startups', tag: ment, allow: 'signed_in' },
	{ method: 'get', path: '/sessions/{id}', summary: 'A session with its notes, action items and feedback (the mentor, the startup\'s people and the park\'s staff; anyone else gets 404)', tag: ment, allow: staff, hidden: true },
	{ method: 'get', path: '/sessions/{id}/ics', summary: 'A session as an iCalendar file', tag: ment, allow: staff, hidden: true },
	{ method: 'post', path: '/sessions/{id}/cancel', ok: 200, summary: 'Cancel a session before it starts: its hours go back to the allowance and its room is released', tag: ment, allow: staff, hidden: true },
	{ method: 'put', path: '/sessions/{id}/notes', summary: 'Write the session\'s notes and action items (its mentor); the startup\'s people may send the same items with other done flags to tick them off', tag: ment, allow: 'self', body: zSessionNotes },
	{ method: 'post', path: '/sessions/{id}/feedback', ok: 200, summary: 'Rate a session that has begun (1–5, with a comment): the mentor rates the startup\'s session, the startup rates the mentor', tag: ment, allow: 'self', body: zSessionFeedback },
	{ method: 'get', path: '/programmes/{id}/mentoring-report', summary: 'Mentor hours of a programme: per mentor (sessions held, hours, mean rating by startups) and per startup against the allowance', tag: ment, allow: staff },
	{ method: 'get', path: '/openapi.json', summary: 'This document', tag: 'Meta', allow: 'anyone' },
	{ method: 'get', path: '/courses', summary: 'The training catalogue: every park\'s courses and the network\'s, one park\'s (?site=, `jaringan` for the network\'s), or a search (?q= in title, provider and skills), each with its classes, sessions and seats', tag: train, allow: 'anyone', query: zCourseQuery, list: true },
	{ method: 'post', path: '/sites/{site}/courses', summary: 'Add a course to a park\'s catalogue (its staff), or with site `jaringan` to the network\'s (network admins): title, provider partner, skills, level, hours, prerequisites, price in whole Rupiah (0 = free), language', tag: train, allow: staff, body: zCreateCourse },
	{ method: 'get', path: '/courses/{id}', summary: 'A course with its classes: sessions, trainers, seats taken, waiting list and requests awaiting approval', tag: train, allow: 'anyone' },
	{ method: 'patch', path: '/courses/{id}', summary: 'Change a course', tag: train, allow: staff, body: zUpdateCourse },
	{ method: 'post', path: '/courses/{id}/classes', summary: 'Open a class of a course: title, seats, whether requests need approval, location or online link, trainers (people holding a role at the park), sessions', tag: train, allow: staff, body: zCreateClass },
	{ method: 'get', path: '/classes/{id}/enrolments', summary: 'A class\'s seats, requests and waiting list in order (the course\'s staff and the class\'s trainers)', tag: train, allow: staff },
	{ method: 'post', path: '/classes/{id}/enrolments', summary: 'Ask for a seat for myself: a free seat is taken at once, a full class puts me on its waiting list, a restricted class waits for approval. Seats are never over-filled, even under concurrent requests', tag: train, allow: 'signed_in' },
	{ method: 'post', path: '/enrolments/{id}/cancel', ok: 200, summary: 'Cancel a request or a seat (its person, or the course\'s staff); a freed seat goes to the first on the waiting list, who is e-mailed', tag: train, allow: staff, hidden: true },
	{ method: 'post', path: '/enrolments/{id}/decision', ok: 200, summary: 'Approve a request for a restricted class (a seat if one is free, else the waiting list) or decline it with a reason; the person is e-mailed', tag: train, allow: staff, hidden: true, body: zEnrolmentDecision },
	{ method: 'get', path: '/me/enrolments', summary: 'My seats, requests and places on waiting lists; where I hold a seat, my attendance, scores and outcome (in_progress, completed, not_completed)', tag: train, allow: 'signed_in' },
	{ method: 'put', path: '/courses/{id}/assessment', summary: 'Set a course\'s completion rule (pass mark 0–100, minimum attendance in percent) and its assessment components (test, practical, project) with weights. Components sent with their id are kept with their scores; one left out is removed unless it has scores (409)', tag: train, allow: staff, body: zAssessmentScheme },
	{ method: 'get', path: '/classes/{id}/assessments', summary: 'Every participant\'s attendance, scores per component, weighted score and outcome by the course\'s completion rule (the class\'s trainers and the course\'s staff)', tag: train, allow: staff },
	{ method: 'put', path: '/classes/{id}/assessments', summary: 'Record participants\' scores (0–100, two decimals) per component; null clears one (the class\'s trainers and the course\'s staff)', tag: train, allow: staff, body: zScores },
	{ method: 'get', path: '/class-sessions/{id}/attendance', summary: 'A session\'s participants, each present (by list or QR) or not (the class\'s trainers and the course\'s staff)', tag: train, allow: staff },
	{ method: 'put', path: '/class-sessions/{id}/attendance', summary: 'Take a session\'s attendance from the list: the people named are present, every other participant absent. Refused before the session opens (409)', tag: train, allow: staff, body: zAttendanceList },
	{ method: 'get', path: '/class-sessions/{id}/code', summary: 'The address and secret of a session\'s QR code, for its trainers to show', tag: train, allow: staff },
	{ method: 'get', path: '/classes/{id}/credentials', summary: 'The Open Badges 3.0 certificates issued for a class (its trainers and the course\'s staff)', tag: cred, allow: staff },
	{ method: 'post', path: '/classes/{id}/credentials', summary: 'Issue the certificates due: one to each participant who completed the course\'s rule and holds none for the class (issuing also happens by itself when recorded attendance or scores complete someone). Answers those issued now', tag: cred, allow: staff },
	{ method: 'get', path: '/me/credentials', summary: 'My certificates: course, issuer, validity, revocation, and each signed credential', tag: cred, allow: 'signed_in' },
	{ method: 'get', path: '/credentials/{id}', summary: 'A certificate (public to whoever has its link): its holder\'s name, course, issuer, validity, revocation, and the signed OpenBadgeCredential (`document`) to keep in a wallet', tag: cred, allow: 'anyone' },
	{ method: 'post', path: '/credentials/{id}/revoke', ok: 200, summary: 'Revoke a certificate with a reason (the issuing park\'s staff; network admins for the network\'s): its bit on the issuer\'s status list is set at once, so verification says revoked and any qualification it granted is gone', tag: cred, allow: staff, body: zRevokeCredential },
	{ method: 'post', path: '/credentials/verify', ok: 200, summary: 'Check any credential (the JSON as body): the eddsa-rdfc-2022 Data Integrity proof against the issuer\'s published key, its validity period, and its status list. Answers state valid | revoked | expired | tampered | unknown_issuer | malformed and each check', tag: cred, allow: 'anyone' },
	{ method: 'get', path: '/issuers/{slug}', summary: 'An issuer (a park by slug, or `jaringan` for the network) as a controller document: every key it has signed with (Multikey, Ed25519), current and retired, listed under assertionMethod', tag: cred, allow: 'anyone' },
	{ method: 'get', path: '/status-lists/{slug}', summary: 'An issuer\'s revocation list: a signed BitstringStatusListCredential (131,072 entries), built from the current revocations on every request', tag: cred, allow: 'anyone' },
	{ method: 'post', path: '/class-sessions/{id}/check-in', ok: 200, summary: 'Mark myself present with the code of the session\'s QR code: only from 15 minutes before the session until it ends (409 outside), only with the right code (403) and a seat in the class (403)', tag: train, allow: 'self', body: zCheckIn }
];
