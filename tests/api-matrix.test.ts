import crypto from 'node:crypto';
import { describe, it, expect, beforeAll } from 'vitest';
import { count, eq } from 'drizzle-orm';
import type { RequestEvent } from '@sveltejs/kit';
import { useTestDb } from './db.ts';
import { makeSite, makeUser, makeMembers, siteInput, makeResource, makeBooking } from './factories.ts';
import { resource, booking, qualification, personQualification, blackout, loan, maintenance, photo, calendarFeed, plan, planAllowance, planMember, ledgerEntry, holiday, holidayOptOut } from '../src/lib/server/facilities/schema.ts';
import { apiRoutes, type ApiRoute } from '../src/lib/server/api/routes.ts';
import { db } from '../src/lib/server/db/client.ts';
import { site, organization, orgMember, tenancy, siteRole, invitation } from '../src/lib/server/directory/schema.ts';
import { apiToken, auditLog } from '../src/lib/server/platform/schema.ts';
import { programme, programmeCall, application, applicationForm, applicationFile, reviewStage, reviewAssignment, reviewConflict, cohortMember, milestone, milestoneEvidence, kpiForm, kpiReport, mentorProfile, officeHours, mentorSession } from '../src/lib/server/incubation/schema.ts';
import { starterForm } from '../src/lib/forms.ts';
import { course, trainingClass, classSession, classTrainer, enrolment, assessmentComponent, assessmentScore, attendance, credential, issuerKey } from '../src/lib/server/training/schema.ts';
import { user } from '../src/lib/server/auth/schema.ts';
import { anonymous, type Actor, type Role, type UserActor } from '../src/lib/server/auth/actor.ts';
import { issueForClass } from '../src/lib/server/training/progress.service.ts';
import { createOrg } from '../src/lib/server/directory/org.service.ts';
import { createToken } from '../src/lib/server/auth/tokens.service.ts';

useTestDb();

type Handler = (e: RequestEvent) => Promise<Response>;
const modules = import.meta.glob<Record<string, Handler>>('../src/routes/api/v1/**/+server.ts', { eager: true });

/** '/sites/{site}' → '../src/routes/api/v1/sites/[site]/+server.ts' */
const fileOf = (path: string) => `../src/routes/api/v1${path.replace(/\{(\w+)\}/g, '[$1]')}/+server.ts`;

const roles: Role[] = ['network_admin', 'site_manager', 'site_staff', 'mentor', 'reviewer', 'member', 'client'];
const uid = () => crypto.randomBytes(4).toString('hex');

function call(route: ApiRoute, actor: Actor, params: Record<string, string>, opts: { body?: unknown; query?: string } = {}) {
	const handler = modules[fileOf(route.path)]![route.method.toUpperCase()]!;
	const path = `/api/v1${route.path.replace(/\{(\w+)\}/g, (_m, p: string) => params[p]!)}`;
	const url = new URL(`http://taman.test${path}${opts.query ? `?${opts.query}` : ''}`);
	const request = new Request(url, {
		method: route.method.toUpperCase(),
		headers: { 'content-type': 'application/json', origin: url.origin },
		body: opts.body === undefined ? undefined : JSON.stringify(opts.body)
	});
	return handler({ request, url, params, locals: { actor, locale: 'en', requestId: 'test', theme: '' } } as unknown as RequestEvent);
}

const tables = { site, organization, orgMember, tenancy, siteRole, invitation, apiToken, user, resource, booking, qualification, personQualification, blackout, loan, maintenance, photo, calendarFeed, plan, planAllowance, planMember, ledgerEntry, holiday, holidayOptOut, programme, programmeCall, application, applicationForm, applicationFile, reviewStage, reviewAssignment, reviewConflict, cohortMember, milestone, milestoneEvidence, kpiForm, kpiReport, mentorProfile, officeHours, mentorSession, course, trainingClass, classSession, classTrainer, enrolment, assessmentComponent, assessmentScore, attendance, credential, issuerKey };
async function snapshot() {
	const out: Record<string, number> = {};
	for (const [k, t] of Object.entries(tables)) out[k] = (await db().select({ n: count() }).from(t))[0]!.n;
	return out;
}
const denials = async () => (await db().select({ n: count() }).from(auditLog).where((await import('drizzle-orm')).eq(auditLog.outcome, 'denied')))[0]!.n;

describe('authorization matrix', () => {
	let own: { id: string; slug: string };
	let other: { id: string; slug: string };
	const actors: Record<string, Actor> = {};

	beforeAll(async () => {
		own = await makeSite();
		other = await makeSite();
		actors.anonymous = anonymous;
		for (const r of roles) actors[r] = await makeUser(r, r === 'network_admin' ? undefined : own.id);
	});

	it('every handler is in the route table and every route has a handler', () => {
		const declared = new Set(apiRoutes.map((r) => `${r.method.toUpperCase()} ${fileOf(r.path)}`));
		const found = new Set<string>();
		for (const [file, mod] of Object.entries(modules))
			for (const m of Object.keys(mod)) if (/^(GET|POST|PATCH|PUT|DELETE)$/.test(m)) found.add(`${m} ${file}`);
		expect([...found].filter((x) => !declared.has(x))).toEqual([]);
		expect([...declared].filter((x) => !found.has(x))).toEqual([]);
	});

	it('the OpenAPI 3.1 document describes every route', async () => {
		const route = apiRoutes.find((r) => r.path === '/openapi.json')!;
		const doc = (await (await call(route, anonymous, {})).json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
		expect(doc.openapi).toBe('3.1.0');
		for (const r of apiRoutes) expect(doc.paths[`/api/v1${r.path}`]?.[r.method], `${r.method} ${r.path}`).toBeDefined();
	});

	/** Fresh inputs for one call, so successful calls never collide with each other. */
	async function inputs(route: ApiRoute, target: { id: string; slug: string }, who: Actor) {
		const params: Record<string, string> = { site: target.slug };
		let body: unknown;
		let query: string | undefined;
		const [founder] = (await makeMembers(1, null)) as [UserActor];
		const org = await createOrg(founder, { name: `Org ${uid()}`, slug: `org-${uid()}`, kind: 'startup' });
		params.org = org.slug;
		params.userId = founder.userId;
		switch (`${route.method} ${route.path}`) {
			case 'post /sites':
				body = siteInput();
				break;
			case 'patch /sites/{site}':
				body = { description: `diubah ${uid()}` };
				break;
			case 'post /sites/{site}/invitations':
				body = { email: `undangan-${uid()}@example.id`, role: 'mentor' };
				break;
			case 'delete /roles/{id}': {
				const [holder] = (await makeMembers(1, target.id)) as [UserActor];
				params.id = (await db().select().from(siteRole)).find((r) => r.userId === holder.userId)!.id;
				break;
			}
			case 'post /tenancies':
				body = { orgId: org.id, siteId: target.id, startsOn: '2026-01-01' };
				break;
			case 'patch /tenancies/{id}': {
				const [t] = await db().insert(tenancy).values({ orgId: org.id, siteId: target.id, startsOn: '2026-01-01', status: 'applied' }).returning();
				params.id = t!.id;
				body = { status: 'active' };
				break;
			}
			case 'post /organizations':
				body = { name: 'Studio Baru', slug: `studio-${uid()}`, kind: 'studio' };
				break;
			case 'patch /organizations/{org}':
				body = { description: 'baru' };
				break;
			case 'post /organizations/{org}/members':
				body = { email: (await makeMembers(1, null))[0]!.email, title: 'Animator' };
				break;
			case 'get /people/{id}':
				params.id = (await makeUserPublic()).userId;
				break;
			case 'patch /me':
				body = { bio: 'Halo' };
				break;
			case 'post /tokens':
				body = { name: 'ci', scope: 'read' };
				break;
			case 'delete /tokens/{id}':
				// Someone else's token: only its owner may revoke it.
				params.id = (await createToken(founder, { name: 't', scope: 'read' })).id;
				break;
			case 'get /audit':
				query = `site=${target.slug}`;
				break;
			case 'get /resources':
				query = `site=${target.slug}`;
				break;
			case 'post /sites/{site}/resources':
				body = { slug: `ruang-${uid()}`, name: 'Ruang Rapat Baru', kind: 'meeting_room', capacity: 8 };
				break;
			case 'get /resources/{id}':
			case 'patch /resources/{id}':
			case 'get /resources/{id}/availability':
				params.id = (await makeResource(target.id)).id;
				if (route.method === 'patch') body = { capacity: 12 };
				if (route.path.endsWith('availability')) query = 'from=2026-12-01&to=2026-12-07';
				break;
			case 'post /bookings': {
				const r = await makeResource(target.id, { kind: 'render_node', class: 'compute', alwaysOpen: true, slotMinutes: 60, minMinutes: 60 });
				const start = new Date(Math.ceil(Date.now() / 86_400_000) * 86_400_000 + 86_400_000 + 10 * 3600_000);
				body = { resourceId: r.id, startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 3600_000).toISOString() };
				break;
			}
			case 'get /bookings/{id}':
			case 'patch /bookings/{id}':
			case 'post /bookings/{id}/cancel':
			case 'post /bookings/{id}/approve':
			case 'post /bookings/{id}/decline':
			case 'post /bookings/{id}/check-in': {
				const r = await makeResource(target.id);
				const start = new Date(Date.now() + 7 * 86_400_000);
				const pending = route.path.endsWith('approve') || route.path.endsWith('decline');
				params.id = (await makeBooking(r.id, target.id, founder.userId, start, new Date(start.getTime() + 3600_000), pending ? 'pending' : 'confirmed')).id;
				body = route.path.endsWith('decline') ? { reason: 'Aula dipakai acara Pemkot' } : route.method === 'patch' ? { title: 'Rapat dipindah' } : route.path.endsWith('check-in') || route.method === 'get' ? undefined : {};
				break;
			}
			case 'post /sites/{site}/blackouts':
				body = { startsAt: '2026-12-01T00:00:00+07:00', endsAt: '2026-12-02T00:00:00+07:00', reason: 'Perawatan AC' };
				break;
			case 'post /sites/{site}/qualifications':
				body = { name: `Induksi ${uid()}` };
				break;
			case 'get /qualifications/{id}/holders':
			case 'post /qualifications/{id}/holders':
			case 'delete /qualifications/{id}/holders/{userId}': {
				const [q] = await db().insert(qualification).values({ siteId: target.id, name: `Induksi ${uid()}` }).returning();
				params.id = q!.id;
				if (route.method === 'post') body = { email: founder.email };
				if (route.method === 'delete') await db().insert(personQualification).values({ userId: founder.userId, qualificationId: q!.id });
				break;
			}
			case 'post /loans':
				body = { resourceId: (await makeResource(target.id, { kind: 'camera', class: 'equipment' })).id, email: founder.email, dueAt: new Date(Date.now() + 86_400_000).toISOString(), condition: 'good' };
				break;
			case 'get /loans/{id}':
			case 'post /loans/{id}/return': {
				const r = await makeResource(target.id, { kind: 'camera', class: 'equipment' });
				const [l] = await db().insert(loan).values({ resourceId: r.id, siteId: target.id, userId: founder.userId, dueAt: new Date(Date.now() + 86_400_000), conditionOut: 'good' }).returning();
				params.id = l!.id;
				if (route.method === 'post') body = { condition: 'fair', note: 'Tali tas putus' };
				break;
			}
			case 'get /resources/{id}/maintenance':
			case 'post /resources/{id}/maintenance':
				params.id = (await makeResource(target.id, { kind: 'laptop', class: 'equipment' })).id;
				if (route.method === 'post') body = { performedOn: '2026-11-20', kind: 'inspection', description: 'Pemeriksaan baterai', costIdr: 0 };
				break;
			case 'post /sites/{site}/plans':
				body = { name: `Inkubasi ${uid()}`, allowances: [{ name: 'Ruang rapat', kinds: ['meeting_room'], amount: 40 }] };
				break;
			case 'post /plans/{id}/members': {
				const [p] = await db().insert(plan).values({ siteId: target.id, name: `Paket ${uid()}` }).returning();
				params.id = p!.id;
				body = { organizationId: org.id, startsOn: '2026-12-01' };
				break;
			}
			case 'get /organizations/{org}/statement':
				query = `site=${target.slug}&month=2026-12`;
				break;
			case 'post /calendar-feeds':
				body = {};
				break;
			case 'delete /calendar-feeds/{id}': {
				// Someone else's address: only its owner may revoke it.
				const [f] = await db().insert(calendarFeed).values({ userId: founder.userId, tokenHash: crypto.randomBytes(32).toString('hex') }).returning();
				params.id = f!.id;
				break;
			}
			case 'delete /sites/{site}/blackouts/{id}': {
				const [b] = await db().insert(blackout).values({ siteId: target.id, startsAt: new Date(Date.now() + 86_400_000), endsAt: new Date(Date.now() + 2 * 86_400_000), reason: 'Uji' }).returning();
				params.id = b!.id;
				break;
			}
			case 'get /holidays':
				query = `year=2026&site=${target.slug}`;
				break;
			case 'patch /holidays/{id}': {
				const [h] = await db().insert(holiday).values({ day: '2031-03-20', kind: 'national', nameId: `Hari uji ${uid()}`, nameEn: 'Test day', source: 'uji' }).returning();
				params.id = h!.id;
				body = { day: '2031-03-21' };
				break;
			}
			case 'post /sites/{site}/holidays':
				body = { day: '2026-08-31', nameId: `Hari jadi ${uid()}` };
				break;
			case 'delete /sites/{site}/holidays/{id}': {
				const [h] = await db().insert(holiday).values({ day: '2026-09-01', kind: 'regional', nameId: `Hari uji ${uid()}`, nameEn: 'Test day', siteId: target.id, source: 'uji' }).returning();
				params.id = h!.id;
				break;
			}
			case 'post /sites/{site}/holiday-opt-outs':
				body = { day: '2026-12-25' };
				break;
			case 'delete /sites/{site}/holiday-opt-outs/{day}':
				await db().insert(holidayOptOut).values({ siteId: target.id, day: '2026-12-25' }).onConflictDoNothing();
				params.day = '2026-12-25';
				break;
			case 'patch /sites/{site}/booking-defaults':
				body = { space: { noticeMinutes: 120 } };
				break;
			case 'post /sites/{site}/programmes':
				body = { slug: `inkubasi-${uid()}`, name: 'Inkubasi Startup Digital', kind: 'incubation', startsOn: '2027-02-01', endsOn: '2027-07-31' };
				break;
			case 'get /programmes/{id}':
			case 'patch /programmes/{id}':
			case 'post /programmes/{id}/calls':
			case 'patch /calls/{id}': {
				const [p] = await db().insert(programme).values({ siteId: target.id, slug: `p-${uid()}`, name: 'Akselerasi', kind: 'acceleration', startsOn: '2027-01-01', endsOn: '2027-06-30' }).returning();
				params.id = p!.id;
				if (route.method === 'patch' && route.path === '/programmes/{id}') body = { capacity: 12 };
				if (route.path.endsWith('/calls')) body = { title: 'Gelombang 1', opensAt: '2026-12-01T08:00:00+07:00', closesAt: '2027-01-15T23:59:00+07:00' };
				if (route.path === '/calls/{id}') {
					const [c] = await db().insert(programmeCall).values({ programmeId: p!.id, title: 'Gelombang 1', opensAt: new Date('2026-12-01T01:00:00Z'), closesAt: new Date('2027-01-15T16:59:00Z') }).returning();
					params.id = c!.id;
					body = { closesAt: '2027-01-31T23:59:00+07:00' };
				}
				break;
			}
			case 'get /calls/{id}/mail-templates':
			case 'put /calls/{id}/mail-templates': {
				const [p] = await db().insert(programme).values({ siteId: target.id, slug: `p-${uid()}`, name: 'Inkubasi', kind: 'incubation', startsOn: '2027-01-01', endsOn: '2027-06-30' }).returning();
				const [c] = await db().insert(programmeCall).values({ programmeId: p!.id, title: 'Gelombang 1', opensAt: new Date(Date.now() - 86_400_000), closesAt: new Date(Date.now() + 30 * 86_400_000) }).returning();
				params.id = c!.id;
				const text = { subject: 'Hasil seleksi {programme}', body: 'Halo {name}, …' };
				if (route.method === 'put') body = { advanced: { id: text, en: text }, accepted: { id: text, en: text }, rejected: { id: text, en: text } };
				break;
			}
			case 'get /calls/{id}/form':
			case 'put /calls/{id}/form':
			case 'post /calls/{id}/applications':
			case 'get /calls/{id}/applications':
			case 'get /applications/{id}':
			case 'patch /applications/{id}':
			case 'post /applications/{id}/files':
			case 'get /applications/{id}/files/{fileId}':
			case 'post /applications/{id}/submit':
			case 'post /applications/{id}/withdraw': {
				// An open call at the park, and the founder's draft to it with a pitch deck attached.
				const [p] = await db().insert(programme).values({ siteId: target.id, slug: `p-${uid()}`, name: 'Inkubasi', kind: 'incubation', startsOn: '2027-01-01', endsOn: '2027-06-30' }).returning();
				const [c] = await db().insert(programmeCall).values({ programmeId: p!.id, title: 'Gelombang 1', opensAt: new Date(Date.now() - 86_400_000), closesAt: new Date(Date.now() + 30 * 86_400_000) }).returning();
				const [f] = await db().insert(applicationForm).values({ callId: c!.id, version: 1, sections: starterForm() }).returning();
				const [a] = await db().insert(application).values({ callId: c!.id, formId: f!.id, applicantId: founder.userId, startupName: 'Kasir Kita' }).returning();
				const [file] = await db().insert(applicationFile).values({ applicationId: a!.id, fieldKey: 'pitch_deck', name: 'deck.pdf', mime: 'application/pdf', bytes: 9, sha256: 'x', content: Buffer.from('%PDF-1.7\n') }).returning();
				params.id = route.path.startsWith('/calls') ? c!.id : a!.id;
				params.fileId = file!.id;
				if (route.method === 'put') body = { sections: starterForm() };
				if (route.path === '/calls/{id}/applications' && route.method === 'post') body = { startupName: `Startup ${uid()}` };
				if (route.method === 'patch') body = { kbli: '62019' };
				break;
			}
			case 'get /calls/{id}/stages':
			case 'post /calls/{id}/stages':
			case 'post /calls/{id}/moves':
			case 'patch /stages/{id}':
			case 'post /stages/{id}/assignments':
			case 'post /stages/{id}/unassignments':
			case 'get /stages/{id}/ranking':
			case 'get /reviews/{id}':
			case 'put /reviews/{id}':
			case 'post /applications/{id}/conflicts': {
				// A call at the park with a review stage, the founder's submitted application in it, and the founder as its reviewer.
				const [p] = await db().insert(programme).values({ siteId: target.id, slug: `p-${uid()}`, name: 'Inkubasi', kind: 'incubation', startsOn: '2027-01-01', endsOn: '2027-06-30' }).returning();
				const [c] = await db().insert(programmeCall).values({ programmeId: p!.id, title: 'Gelombang 1', opensAt: new Date(Date.now() - 86_400_000), closesAt: new Date(Date.now() + 30 * 86_400_000) }).returning();
				const [f] = await db().insert(applicationForm).values({ callId: c!.id, version: 1, sections: starterForm() }).returning();
				const criteria = [{ key: 'inovasi', name: 'Inovasi', description: '', weight: 1, scaleMax: 5 }];
				const [st] = await db().insert(reviewStage).values({ callId: c!.id, position: 1, name: 'Penilaian proposal', criteria }).returning();
				const [a] = await db().insert(application).values({ callId: c!.id, formId: f!.id, applicantId: founder.userId, organizationId: org.id, status: 'submitted', submittedAt: new Date(), stageId: st!.id }).returning();
				const [r] = await db().insert(reviewAssignment).values({ applicationId: a!.id, stageId: st!.id, reviewerId: founder.userId }).returning();
				params.id = route.path.startsWith('/calls') ? c!.id : route.path.startsWith('/stages') ? st!.id : route.path.startsWith('/reviews') ? r!.id : a!.id;
				if (route.path === '/calls/{id}/stages' && route.method === 'post') body = { name: 'Wawancara', criteria };
				if (route.path === '/calls/{id}/moves') body = { applicationIds: [a!.id], to: 'rejected', notify: false };
				if (route.path === '/stages/{id}') body = { blind: true };
				if (route.path.endsWith('/assignments')) body = { auto: true };
				if (route.path.endsWith('/unassignments')) body = { applicationIds: [a!.id], reviewerId: founder.userId };
				if (route.method === 'put') body = { scores: { inovasi: 4 } };
				if (route.path.endsWith('/conflicts')) body = { reason: 'Keluarga pendiri' };
				break;
			}
			case 'get /programmes/{id}/cohort':
			case 'post /programmes/{id}/cohort':
			case 'put /programmes/{id}/milestone-template':
			case 'get /programmes/{id}/kpi-form':
			case 'put /programmes/{id}/kpi-form':
			case 'get /programmes/{id}/kpi':
			case 'get /cohort-members/{id}':
			case 'post /cohort-members/{id}/milestones':
			case 'patch /milestones/{id}':
			case 'delete /milestones/{id}':
			case 'post /milestones/{id}/evidence':
			case 'get /milestones/{id}/evidence/{evidenceId}':
			case 'post /milestones/{id}/submit':
			case 'post /milestones/{id}/sign-off':
			case 'get /cohort-members/{id}/kpi-reports':
			case 'put /cohort-members/{id}/kpi-reports/{period}': {
				// A running programme at the park with the founder's startup in its cohort: one milestone awaiting sign-off, one open with evidence.
				const [p] = await db().insert(programme).values({ siteId: target.id, slug: `p-${uid()}`, name: 'Inkubasi Tim', kind: 'incubation', startsOn: '2026-08-01', endsOn: '2027-01-31' }).returning();
				const [cm] = await db().insert(cohortMember).values({ programmeId: p!.id, organizationId: org.id, startsOn: '2026-08-01' }).returning();
				const [done] = await db().insert(milestone).values({ memberId: cm!.id, position: 1, title: 'Validasi masalah', dueOn: '2026-09-01', status: 'submitted' }).returning();
				const [open] = await db().insert(milestone).values({ memberId: cm!.id, position: 2, title: 'MVP', dueOn: '2026-11-01' }).returning();
				const [ev] = await db().insert(milestoneEvidence).values({ milestoneId: open!.id, name: 'mvp.png', mime: 'image/png', bytes: 4, sha256: 'x', content: Buffer.from([0x89, 0x50, 0x4e, 0x47]) }).returning();
				params.id = route.path.startsWith('/programmes') ? p!.id : route.path.startsWith('/cohort-members') ? cm!.id : route.path.endsWith('/sign-off') ? done!.id : open!.id;
				params.evidenceId = ev!.id;
				params.period = '2026-09';
				if (route.path === '/programmes/{id}/cohort' && route.method === 'post') body = { organizationId: (await createOrg(founder, { name: `Org ${uid()}`, slug: `org-${uid()}`, kind: 'startup' })).id };
				if (route.path.endsWith('/milestone-template')) body = { steps: [{ title: 'MVP', dueAfterDays: 90 }] };
				if (route.path.endsWith('/kpi-form') && route.method === 'put') body = { metrics: [{ key: 'revenue', label: { id: 'Pendapatan', en: 'Revenue' }, type: 'money' }] };
				if (route.path.endsWith('/milestones')) body = { title: 'Pendanaan', dueOn: '2027-01-15' };
				if (route.path === '/milestones/{id}' && route.method === 'patch') body = { dueOn: '2026-12-01' };
				if (route.path.endsWith('/evidence')) body = { name: 'Demo', url: 'https://example.id/demo' };
				if (route.path.endsWith('/submit')) body = { note: 'Selesai' };
				if (route.path.endsWith('/sign-off')) body = { decision: 'approved' };
				if (route.path.endsWith('{period}')) body = { values: { revenue: 1000000, paying_customers: 3, active_users: 50, employees: 4, products_shipped: 1 } };
				break;
			}
			case 'get /mentors':
			case 'get /mentors/{id}':
			case 'get /mentors/{id}/slots':
			case 'post /sessions':
			case 'get /sessions/{id}':
			case 'get /sessions/{id}/ics':
			case 'post /sessions/{id}/cancel':
			case 'put /sessions/{id}/notes':
			case 'post /sessions/{id}/feedback':
			case 'get /programmes/{id}/mentoring-report': {
				// The founder mentors at the park, with office hours every day; the founder's startup is in a cohort there,
				// with a session booked with the founder (tomorrow, or an hour ago for feedback).
				await db().insert(siteRole).values({ userId: founder.userId, siteId: target.id, role: 'mentor' }).onConflictDoNothing();
				await db().delete(officeHours).where(eq(officeHours.mentorId, founder.userId));
				await db().insert(officeHours).values([1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ mentorId: founder.userId, weekday, startsAt: '00:00', endsAt: '23:00', slotMinutes: 60, online: true })));
				const [p] = await db().insert(programme).values({ siteId: target.id, slug: `p-${uid()}`, name: 'Inkubasi', kind: 'incubation', startsOn: '2026-01-01', endsOn: '2030-12-31', mentoringHours: null }).returning();
				const [cm] = await db().insert(cohortMember).values({ programmeId: p!.id, organizationId: org.id, startsOn: '2026-01-01' }).returning();
				const past = route.path.endsWith('/feedback');
				const start = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + (past ? -2 : 30) * 3_600_000);
				const [ms] = await db().insert(mentorSession).values({ mentorId: founder.userId, memberId: cm!.id, bookedBy: founder.userId, startsAt: start, endsAt: new Date(start.getTime() + 3_600_000), mode: 'online', meetingUrl: 'https://meet.jit.si/Taman-x' }).returning();
				params.id = route.path.startsWith('/mentors') ? founder.userId : route.path.startsWith('/programmes') ? p!.id : ms!.id;
				if (route.path === '/sessions') {
					// A free slot a week and more ahead (never one another call of this test took).
					let slot = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + (60 + Math.floor(Math.random() * 500)) * 3_600_000);
					// Office hours end at 23.00 WIB: the hour after it is no slot.
					if ((slot.getUTCHours() + 7) % 24 === 23) slot = new Date(slot.getTime() + 3_600_000);
					body = { mentorId: founder.userId, memberId: cm!.id, startsAt: slot.toISOString() };
				}
				if (route.path.endsWith('/notes')) body = { notes: 'Catatan', actionItems: [{ text: 'Uji pasar', done: false }] };
				if (route.path.endsWith('/feedback')) body = { rating: 5 };
				break;
			}
			case 'put /me/mentor-profile':
				body = { headline: 'Mentor animasi', expertise: ['animasi'] };
				break;
			case 'post /sites/{site}/courses':
				body = { slug: `kursus-${uid()}`, title: 'Toon Boom Harmony Essentials', durationHours: 24 };
				break;
			case 'get /courses/{id}':
			case 'patch /courses/{id}':
			case 'post /courses/{id}/classes':
			case 'get /classes/{id}/enrolments':
			case 'post /classes/{id}/enrolments':
			case 'post /enrolments/{id}/cancel':
			case 'post /enrolments/{id}/decision': {
				// A course at the park with a restricted class next month, the founder asking for a seat.
				const [c] = await db().insert(course).values({ siteId: target.id, slug: `k-${uid()}`, title: 'Intel IoT Fundamentals', durationHours: 16 }).returning();
				const [k] = await db().insert(trainingClass).values({ courseId: c!.id, title: 'Angkatan 1', capacity: 10, approvalRequired: true }).returning();
				await db().insert(classSession).values({ classId: k!.id, startsAt: new Date(Date.now() + 30 * 86_400_000), endsAt: new Date(Date.now() + 30 * 86_400_000 + 3 * 3_600_000) });
				const [e] = await db().insert(enrolment).values({ classId: k!.id, userId: founder.userId, status: 'pending' }).returning();
				params.id = route.path.startsWith('/courses') ? c!.id : route.path.startsWith('/classes') ? k!.id : e!.id;
				if (route.path === '/courses/{id}' && route.method === 'patch') body = { durationHours: 20 };
				if (route.path.endsWith('/classes')) body = { title: 'Angkatan 2', capacity: 12, sessions: [{ startsAt: '2027-01-11T09:00:00+07:00', endsAt: '2027-01-11T12:00:00+07:00' }] };
				if (route.path.endsWith('/decision')) body = { decision: 'approve' };
				break;
			}
			case 'put /courses/{id}/assessment':
			case 'get /classes/{id}/assessments':
			case 'put /classes/{id}/assessments':
			case 'get /class-sessions/{id}/attendance':
			case 'put /class-sessions/{id}/attendance':
			case 'get /class-sessions/{id}/code':
			case 'post /class-sessions/{id}/check-in': {
				// A class meeting now, the founder holding a seat; the course is assessed by one test.
				const [c] = await db().insert(course).values({ siteId: target.id, slug: `k-${uid()}`, title: 'Intel IoT Fundamentals', durationHours: 16 }).returning();
				const [a] = await db().insert(assessmentComponent).values({ courseId: c!.id, kind: 'test', title: 'Ujian akhir', weight: 1 }).returning();
				const [k] = await db().insert(trainingClass).values({ courseId: c!.id, title: 'Angkatan 1', capacity: 10 }).returning();
				const [s] = await db().insert(classSession).values({ classId: k!.id, startsAt: new Date(Date.now() - 3_600_000), endsAt: new Date(Date.now() + 2 * 3_600_000) }).returning();
				await db().insert(enrolment).values({ classId: k!.id, userId: founder.userId, status: 'enrolled' });
				params.id = route.path.startsWith('/courses') ? c!.id : route.path.startsWith('/classes') ? k!.id : s!.id;
				if (route.path.endsWith('/assessment')) body = { passMark: 75, minAttendance: 80, components: [{ id: a!.id, kind: 'test', title: 'Ujian akhir', weight: 2 }] };
				if (route.path.endsWith('/assessments') && route.method === 'put') body = { scores: [{ userId: founder.userId, componentId: a!.id, score: 88 }] };
				if (route.path.endsWith('/attendance') && route.method === 'put') body = { present: [founder.userId] };
				if (route.path.endsWith('/check-in')) body = { code: s!.code };
				break;
			}
			case 'get /classes/{id}/credentials':
			case 'post /classes/{id}/credentials':
			case 'get /credentials/{id}':
			case 'post /credentials/{id}/revoke': {
				// A class that ended, the founder attended its one session: the course (no components) is completed and certified.
				const [c] = await db().insert(course).values({ siteId: target.id, slug: `k-${uid()}`, title: 'Induksi Motion Capture', durationHours: 2, minAttendance: 100 }).returning();
				const [k] = await db().insert(trainingClass).values({ courseId: c!.id, title: 'Angkatan 1', capacity: 10 }).returning();
				const [s] = await db().insert(classSession).values({ classId: k!.id, startsAt: new Date(Date.now() - 5 * 3_600_000), endsAt: new Date(Date.now() - 2 * 3_600_000) }).returning();
				await db().insert(enrolment).values({ classId: k!.id, userId: founder.userId, status: 'enrolled' });
				await db().insert(attendance).values({ sessionId: s!.id, userId: founder.userId, method: 'list' });
				if (route.path.startsWith('/classes')) params.id = k!.id;
				else params.id = (await issueForClass(await makeUser('site_staff', target.id), k!.id))[0]!.id;
				if (route.path.endsWith('/revoke')) body = { reason: 'Uji matriks' };
				break;
			}
			case 'post /credentials/verify':
				body = { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential'], issuer: 'https://contoh.example/issuer', credentialSubject: {}, proof: {} };
				break;
			case 'get /issuers/{slug}':
			case 'get /status-lists/{slug}':
				params.slug = target.slug;
				break;
			case 'put /me/office-hours':
				body = { hours: [{ weekday: 1, startsAt: '09:00', endsAt: '12:00' }] };
				break;
			case 'get /sites/{site}/calendar':
				query = 'from=2026-11-30&to=2026-12-06';
				break;
			case 'get /sites/{site}/occupancy':
			case 'get /occupancy':
			case 'get /sites/{site}/equipment-report':
				query = 'from=2026-11-01&to=2026-11-30';
				break;
		}
		void who;
		return { params, body, query };
	}

	async function makeUserPublic() {
		const [u] = (await makeMembers(1, null)) as [UserActor];
		await db().update(user).set({ publicProfile: true });
		return u;
	}

	function expected(route: ApiRoute, who: string, target: 'own' | 'other'): number[] {
		const ok = route.ok ? [route.ok] : route.method === 'post' ? [201] : route.method === 'delete' ? [204] : [200];
		if (route.allow === 'anyone') return ok;
		if (who === 'anonymous') return [401];
		if (route.allow === 'signed_in') return ok;
		// Someone who may see the thing but not do this to it (staff and a session's notes) is told 403.
		if (route.allow === 'self') return [403, 404];
		// A person's own mentor routes: the role anywhere, no network-admin bypass.
		if (route.path.startsWith('/me/') && Array.isArray(route.allow)) return (route.allow as string[]).includes(who) ? ok : [403];
		if (who === 'network_admin') return ok;
		if (route.allow === 'org_admin') return [403];
		const held = target === 'own' && route.path !== '/sites' && (route.allow as Role[]).includes(who as Role);
		return held ? ok : route.hidden ? [404] : [403];
	}

	for (const route of apiRoutes) {
		it(`${route.method.toUpperCase()} ${route.path}`, async () => {
			for (const who of ['anonymous', ...roles]) {
				for (const target of ['own', 'other'] as const) {
					const t = target === 'own' ? own : other;
					const { params, body, query } = await inputs(route, t, actors[who]!);
					const before = await snapshot();
					const deniedBefore = await denials();
					const res = await call(route, actors[who]!, params, { body, query });
					const want = expected(route, who, target);
					expect(want, `${route.method} ${route.path} as ${who} at ${target} site → ${res.status} ${res.status >= 400 ? await res.clone().text() : ''}`).toContain(res.status);
					if (res.status >= 400) {
						expect(await snapshot(), `${route.method} ${route.path} as ${who}: denied but changed`).toEqual(before);
						expect(res.headers.get('content-type')).toBe('application/problem+json');
						if (res.status === 401 || res.status === 403 || (route.hidden && res.status === 404)) expect(await denials()).toBeGreaterThan(deniedBefore);
					}
				}
			}
		});
	}
});
