import { describe, it, expect, beforeAll } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { useTestDb } from './db.ts';
import { makeSite, makeUser, makeMembers, refusal, mailsTo, auditCount } from './factories.ts';
import { createCall, createProgramme, findProgrammes, getProgramme } from '../src/lib/server/incubation/programme.service.ts';
import { getApplication, getFile, listApplications, saveApplication, startApplication, submitApplication, uploadFile } from '../src/lib/server/incubation/application.service.ts';
import { assignReviewers, reviewers, unassignReviewer, createStage, decisionTexts, declareConflict, getReview, moveApplications, myReviews, ranking, saveDecisionTexts, scoreReview, updateStage } from '../src/lib/server/incubation/review.service.ts';
import { cohortOf } from '../src/lib/server/incubation/cohort.service.ts';
import { createPlan } from '../src/lib/server/facilities/plan.service.ts';
import { tenancy } from '../src/lib/server/directory/schema.ts';
import { planMember } from '../src/lib/server/facilities/schema.ts';
import { programmeCall, reviewAssignment } from '../src/lib/server/incubation/schema.ts';
import { user } from '../src/lib/server/auth/schema.ts';
import { db } from '../src/lib/server/db/client.ts';
import type { UserActor } from '../src/lib/server/auth/actor.ts';

useTestDb();

const NOW = new Date('2026-11-23T03:00:00Z');
const pdf = { name: 'deck.pdf', type: 'application/pdf', data: new Uint8Array(Buffer.from('%PDF-1.7\n%deck\n')) };
const rubric = [
	{ key: 'inovasi', name: 'Inovasi', weight: 3, scaleMax: 5 },
	{ key: 'pasar', name: 'Potensi pasar', weight: 1, scaleMax: 10 }
];

describe('review pipeline', () => {
	let park: { id: string; slug: string };
	let staff: UserActor;
	let r1: UserActor, r2: UserActor, r3: UserActor;
	let callId: string;
	let programmeId: string;
	const apps: Record<string, { id: string; applicant: UserActor }> = {};

	beforeAll(async () => {
		park = await makeSite({ name: 'Cimahi Techno Park' });
		staff = await makeUser('site_staff', park.id);
		[r1, r2, r3] = [await makeUser('reviewer', park.id), await makeUser('reviewer', park.id), await makeUser('reviewer', park.id)];
		const plan = await createPlan(staff, park.slug, { name: 'Inkubasi Tahap 1', allowances: [{ name: 'Ruang', kinds: ['meeting_room'], amount: 40 }] });
		const p = await createProgramme(staff, park.slug, { slug: 'inkubasi', name: 'Inkubasi Startup Digital', kind: 'incubation', startsOn: '2027-02-01', endsOn: '2027-07-31', planId: plan.id });
		programmeId = p.id;
		callId = (await createCall(staff, p.id, { title: 'Gelombang 1', opensAt: '2026-11-09T08:00:00+07:00', closesAt: '2026-12-31T23:59:00+07:00' }, NOW)).id;
		const people = await makeMembers(4, null);
		for (const [i, name] of ['Arunika', 'Batik Render', 'Cerita Kita', 'Dapur Data'].entries()) {
			const me = people[i]!;
			const a = await startApplication(me, callId, { startupName: name }, NOW);
			await saveApplication(me, a.id, { answers: { summary: `Produk nomor ${i + 1}`, stage: 'mvp', website: `https://${name.toLowerCase().replace(' ', '-')}.id`, team: [{ name: me.name, role: 'CEO' }] }, kbli: '62019', subsector: 'app', provinceCode: '32', regencyCode: '32.77' }, NOW);
			await uploadFile(me, a.id, 'pitch_deck', pdf, NOW);
			await submitApplication(me, a.id, NOW);
			apps[name[0]!] = { id: a.id, applicant: me };
		}
	});

	it('ranks by weighted mean and by z-score per reviewer, as computed by hand', async () => {
		const stage = await createStage(staff, callId, { name: 'Penilaian proposal', criteria: rubric, commentRequired: true });
		const all = Object.values(apps).map((a) => a.id);
		expect((await listApplications(staff, callId, { status: 'submitted', stage: 'none' })).items).toHaveLength(4);
		expect(await moveApplications(staff, callId, { applicationIds: all, to: stage.id }, NOW)).toEqual({ moved: 4, skipped: [] });
		expect((await listApplications(staff, callId, { status: 'submitted', stage: 'none' })).items).toEqual([]);
		expect((await listApplications(staff, callId, { stage: stage.id })).items).toHaveLength(4);
		// The lenient reviewer has A, B, C; the severe one B, C, D.
		await assignReviewers(staff, stage.id, { applicationIds: [apps.A!.id, apps.B!.id, apps.C!.id], reviewerId: r1.userId });
		await assignReviewers(staff, stage.id, { applicationIds: [apps.B!.id, apps.C!.id, apps.D!.id], reviewerId: r2.userId });
		// Each reviewer hears of their new work, without who applied.
		const [told] = await mailsTo(r1.email);
		expect(told?.subject).toBe('3 lamaran menunggu penilaian Anda: Penilaian proposal');
		expect(told?.text).toContain('/reviews');
		expect(told?.text).not.toContain('Arunika');
		const reviewOf = async (r: UserActor, app: string) => (await myReviews(r)).find((x) => x.applicationId === app)!.id;

		// The rubric's rules: every criterion, within its scale, and a comment here.
		const bad = await refusal(scoreReview(r1, await reviewOf(r1, apps.A!.id), { scores: { inovasi: 6 } }));
		expect(bad.fields?.map((f) => `${f.field} ${f.key}`).sort()).toEqual(['comment err_field_required', 'scores.inovasi err_field_too_big', 'scores.pasar err_field_required']);

		// total = 100 × (3 × inovasi/5 + 1 × pasar/10) / 4 = 15 × inovasi + 2.5 × pasar
		const score = async (r: UserActor, app: string, inovasi: number, pasar: number) => (await scoreReview(r, await reviewOf(r, app), { scores: { inovasi, pasar }, comment: 'Catatan' })).total;
		expect(await score(r1, apps.A!.id, 5, 10)).toBe(100);
		expect(await score(r1, apps.B!.id, 5, 6)).toBe(90);
		expect(await score(r1, apps.C!.id, 5, 2)).toBe(80);
		expect(await score(r2, apps.B!.id, 2, 4)).toBe(40);
		expect(await score(r2, apps.C!.id, 3, 2)).toBe(50);
		expect(await score(r2, apps.D!.id, 4, 0)).toBe(60);

		// Means: A 100, B 65, C 65, D 60 (B before C by name).
		const plain = await ranking(staff, stage.id);
		expect(plain.items.map((x) => [x.startup, x.rank, x.mean])).toEqual([
			['Arunika', 1, 100],
			['Batik Render', 2, 65],
			['Cerita Kita', 3, 65],
			['Dapur Data', 4, 60]
		]);
		const b = plain.items[1]!;
		expect([b.min, b.max, b.sd]).toEqual([40, 90, 25]);
		// Each reviewer's totals have mean 90 (r1) or 50 (r2) and SD √(200/3) = 8.165, so z = ±1.2247 or 0.
		// Mean z: A 1.2247, D 1.2247, B (0 − 1.2247)/2, C (−1.2247 + 0)/2: the severe reviewer's best rises to the top.
		const z = await ranking(staff, stage.id, { normalise: '1' });
		expect(z.items.map((x) => x.startup)).toEqual(['Arunika', 'Dapur Data', 'Batik Render', 'Cerita Kita']);
		const zs = Object.fromEntries(z.items.map((x) => [x.startup, x.z!]));
		expect(zs.Arunika).toBeCloseTo(1.224745, 5);
		expect(zs['Dapur Data']).toBeCloseTo(1.224745, 5);
		expect(zs['Batik Render']).toBeCloseTo(-0.612372, 5);
		expect(zs['Cerita Kita']).toBeCloseTo(-0.612372, 5);

		// Once a review is in, the rubric is fixed.
		expect((await refusal(updateStage(staff, stage.id, { criteria: [rubric[0]!] }))).key).toBe('err_rubric_locked');
		// Reviewers and other parks' staff do not see the ranking.
		expect((await refusal(ranking(r1, stage.id))).code).toBe('FORBIDDEN');
	});

	it('a blind stage hides who applied; a conflict hides the application everywhere and finds a replacement', async () => {
		const blind = await createStage(staff, callId, { name: 'Wawancara', criteria: rubric, blind: true, reviewersPerApplication: 2 });
		await moveApplications(staff, callId, { applicationIds: [apps.A!.id, apps.D!.id], to: blind.id }, NOW);
		// Moving on to a later stage e-mails the applicant by name.
		const [mail] = (await mailsTo(apps.A!.applicant.email)).filter((x) => x.subject.includes('Wawancara'));
		expect(mail?.text).toContain(apps.A!.applicant.name);
		const auto = await assignReviewers(staff, blind.id, { auto: true });
		expect(auto).toEqual({ assigned: 4, short: 0 });
		// Balanced: nobody has both while someone has none.
		const loads = await db().select().from(reviewAssignment).where(eq(reviewAssignment.stageId, blind.id));
		const per = new Map<string, number>();
		for (const l of loads) per.set(l.reviewerId, (per.get(l.reviewerId) ?? 0) + 1);
		expect(Math.max(...per.values()) - Math.min(...per.values())).toBeLessThanOrEqual(1);

		// r1 read A openly at the first stage; the blind stage hides it from the others only.
		const reviewerOfA = [r2, r3].find((r) => loads.some((l) => l.reviewerId === r.userId && l.applicationId === apps.A!.id))!;
		const seen = await getApplication(reviewerOfA, apps.A!.id);
		expect(seen).toMatchObject({ blind: true, applicantName: '', organizationName: null, startupName: '' });
		expect(JSON.stringify(seen)).not.toContain('Arunika');
		expect(JSON.stringify(seen)).not.toContain(apps.A!.applicant.name);
		expect(seen.answers.website).toBeUndefined();
		expect((await myReviews(reviewerOfA)).find((x) => x.applicationId === apps.A!.id)!.label).toMatch(/^#/);

		// The conflict: gone from their reviews, their review removed, and 404 on the application and its file.
		const fileId = (await getApplication(staff, apps.A!.id)).files[0]!.id;
		const res = await declareConflict(reviewerOfA, apps.A!.id, { reason: 'Mantan rekan kerja pendiri' });
		expect(res.replacedBy).toBe(true);
		expect((await myReviews(reviewerOfA)).some((x) => x.applicationId === apps.A!.id)).toBe(false);
		expect((await refusal(getApplication(reviewerOfA, apps.A!.id))).code).toBe('NOT_FOUND');
		expect((await refusal(getFile(reviewerOfA, apps.A!.id, fileId))).code).toBe('NOT_FOUND');
		const now = await db().select().from(reviewAssignment).where(and(eq(reviewAssignment.stageId, blind.id), eq(reviewAssignment.applicationId, apps.A!.id)));
		expect(now).toHaveLength(2);
		expect(now.some((x) => x.reviewerId === reviewerOfA.userId)).toBe(false);
		// Nor can staff assign them to it again.
		expect((await refusal(assignReviewers(staff, blind.id, { applicationIds: [apps.A!.id], reviewerId: reviewerOfA.userId }))).key).toBe('err_reviewer_conflicted');
		expect(await auditCount('review.conflict', 'ok')).toBe(1);

		// A staff member with a conflict loses it from lists, exports, search and the ranking too.
		const other = await makeUser('site_staff', park.id);
		await declareConflict(other, apps.D!.id, {});
		expect((await listApplications(other, callId, {})).items.map((x) => x.id)).not.toContain(apps.D!.id);
		expect((await listApplications(other, callId, { q: 'Dapur' })).items).toEqual([]);
		expect((await ranking(other, blind.id)).items.map((x) => x.applicationId)).toEqual([apps.A!.id]);
		expect((await refusal(getApplication(other, apps.D!.id))).code).toBe('NOT_FOUND');
	});

	it('accepting makes a cohort (tenancy and plan); applicants never see reviewers or scores', async () => {
		const res = await moveApplications(staff, callId, { applicationIds: [apps.A!.id, apps.B!.id, apps.A!.id], to: 'accepted' }, NOW);
		expect(res.moved).toBe(2);
		await moveApplications(staff, callId, { applicationIds: [apps.C!.id, apps.D!.id], to: 'rejected' }, NOW);
		// Decided applications cannot be moved again.
		expect(await moveApplications(staff, callId, { applicationIds: [apps.C!.id], to: 'accepted' }, NOW)).toEqual({ moved: 0, skipped: [apps.C!.id] });

		const a = await getApplication(apps.A!.applicant, apps.A!.id);
		expect(a.status).toBe('accepted');
		const [t] = await db().select().from(tenancy).where(and(eq(tenancy.orgId, a.organizationId!), eq(tenancy.siteId, park.id)));
		expect(t).toMatchObject({ startsOn: '2027-02-01', endsOn: '2027-07-31', status: 'active' });
		expect(await db().select().from(planMember).where(eq(planMember.orgId, a.organizationId!))).toHaveLength(1);
		expect((await cohortOf(programmeId)).map((o) => o.name)).toEqual(['Arunika', 'Batik Render']);

		// Nothing the applicant receives names a reviewer or carries a score.
		const names = [r1, r2, r3].map((r) => r.name);
		for (const who of Object.values(apps)) {
			const seen = JSON.stringify(await getApplication(who.applicant, who.id)) + JSON.stringify(await mailsTo(who.applicant.email));
			for (const n of names) expect(seen).not.toContain(n);
			expect(seen).not.toMatch(/"total"|"scores"|"z"/);
		}
		const [accepted] = (await mailsTo(apps.A!.applicant.email)).filter((x) => x.subject.includes('diterima') || x.subject.includes('accepted'));
		expect(accepted?.text).toContain(apps.A!.applicant.name);
		expect((await mailsTo(apps.C!.applicant.email)).some((x) => x.subject.startsWith('Hasil seleksi'))).toBe(true);
		// Reviews close with the decision.
		const open = (await myReviews(r2)).find((x) => x.applicationId === apps.B!.id)!;
		expect((await refusal(scoreReview(r2, open.id, { scores: { inovasi: 1, pasar: 1 }, comment: 'x' }))).key).toBe('err_review_closed');
		// Someone else's review is not there at all.
		expect((await refusal(getReview(r3, open.id))).code).toBe('NOT_FOUND');
	});
});

/** A complete application from `me` to the call, submitted; its id. */
async function submitted(me: UserActor, callId: string, name: string) {
	const a = await startApplication(me, callId, { startupName: name }, NOW);
	await saveApplication(me, a.id, { answers: { summary: 'Produk', stage: 'mvp', website: 'https://contoh.id', team: [{ name: me.name, role: 'CEO' }] }, kbli: '62019', subsector: 'app', provinceCode: '35', regencyCode: '35.07' }, NOW);
	await uploadFile(me, a.id, 'pitch_deck', pdf, NOW);
	await submitApplication(me, a.id, NOW);
	return a.id;
}

describe('taking a reviewer off', () => {
	it('removes only reviews not yet submitted; strangers change nothing and are audited', async () => {
		const park = await makeSite({ name: 'IBC Semarang' });
		const staff = await makeUser('site_staff', park.id);
		const reviewer = await makeUser('reviewer', park.id);
		const p = await createProgramme(staff, park.slug, { slug: 'inkubasi', name: 'Inkubasi IBC', kind: 'incubation', startsOn: '2027-02-01', endsOn: '2027-07-31' });
		const callId = (await createCall(staff, p.id, { title: 'Gelombang 1', opensAt: '2026-11-09T08:00:00+07:00', closesAt: '2026-12-31T23:59:00+07:00' }, NOW)).id;
		const people = await makeMembers(3, null);
		const ids = [await submitted(people[0]!, callId, 'Lumpia Labs'), await submitted(people[1]!, callId, 'Semarang Sinema'), await submitted(people[2]!, callId, 'Kota Lama Kode')];
		const stage = await createStage(staff, callId, { name: 'Penilaian proposal', criteria: rubric });
		await moveApplications(staff, callId, { applicationIds: ids, to: stage.id, notify: false }, NOW);
		await assignReviewers(staff, stage.id, { applicationIds: ids, reviewerId: reviewer.userId });
		const first = (await myReviews(reviewer)).find((r) => r.applicationId === ids[0])!;
		await scoreReview(reviewer, first.id, { scores: { inovasi: 4, pasar: 7 } });
		const assigned = async () => (await db().select({ a: reviewAssignment.applicationId }).from(reviewAssignment).where(eq(reviewAssignment.reviewerId, reviewer.userId))).map((r) => r.a).sort();

		// Strangers: the reviewer themself, a member, another park's staff.
		const denied = await auditCount(undefined, 'denied');
		for (const who of [reviewer, await makeUser('member', park.id), await makeUser('site_staff', (await makeSite({ name: 'Technopark Makassar' })).id)]) {
			expect((await refusal(unassignReviewer(who, stage.id, { applicationIds: ids, reviewerId: reviewer.userId }))).code).toBe('FORBIDDEN');
		}
		expect(await auditCount(undefined, 'denied')).toBe(denied + 3);
		expect(await assigned()).toEqual([...ids].sort());
		const bad = await refusal(unassignReviewer(staff, stage.id, { applicationIds: ['bukan-id'], reviewerId: reviewer.userId }));
		expect(bad.fields?.[0]?.field).toBe('applicationIds.0');

		// The scored review stays in the ranking; the two open ones go, and the reviewer no longer sees them.
		expect(await unassignReviewer(staff, stage.id, { applicationIds: ids, reviewerId: reviewer.userId })).toEqual({ removed: 2, kept: 1 });
		expect(await assigned()).toEqual([ids[0]]);
		expect((await myReviews(reviewer)).map((r) => r.applicationId)).toEqual([ids[0]]);
		expect((await ranking(staff, stage.id)).items.find((i) => i.applicationId === ids[0])?.reviews).toHaveLength(1);
		expect(await auditCount('review.unassign', 'ok')).toBe(1);
	});
});

describe('programmes the network runs itself', () => {
	it('are managed by network admins only, reviewed by any park\'s reviewers, and accept without a tenancy', async () => {
		const cimahi = await makeSite({ name: 'Cimahi Techno Park' });
		const bali = await makeSite({ name: 'BCIC Bali', timeZone: 'Asia/Makassar' });
		const admin = await makeUser('network_admin');
		const parkStaff = await makeUser('site_staff', cimahi.id);
		const [rc, rb] = [await makeUser('reviewer', cimahi.id), await makeUser('reviewer', bali.id)];
		const input = { slug: 'inkubasi-nasional', name: 'Inkubasi Startup Digital Nasional', kind: 'incubation', startsOn: '2027-03-01', endsOn: '2027-08-31' };

		// A park's staff cannot create one, nor can a park's plan be granted by it; nothing is written.
		const denied = await auditCount(undefined, 'denied');
		expect((await refusal(createProgramme(parkStaff, 'jaringan', input))).code).toBe('FORBIDDEN');
		expect(await auditCount(undefined, 'denied')).toBe(denied + 1);
		const plan = await createPlan(parkStaff, cimahi.slug, { name: 'Inkubasi Tahap 1', allowances: [{ name: 'Ruang', kinds: ['meeting_room'], amount: 40 }] });
		expect((await refusal(createProgramme(admin, 'jaringan', { ...input, planId: plan.id }))).fields).toMatchObject([{ field: 'planId', key: 'err_plan_network' }]);
		expect(await findProgrammes({ site: 'jaringan' })).toEqual([]);

		const p = await createProgramme(admin, 'jaringan', input);
		expect(p).toMatchObject({ siteId: null, siteSlug: 'jaringan', siteName: 'Virtual Technopark Indonesia', timeZone: 'Asia/Jakarta' });
		expect((await getProgramme('inkubasi-nasional', 'jaringan')).id).toBe(p.id);
		expect((await findProgrammes({ site: 'jaringan' })).map((x) => x.id)).toEqual([p.id]);
		// The slug is the network's once; a park may use it for its own.
		expect((await refusal(createProgramme(admin, 'jaringan', input))).fields).toMatchObject([{ field: 'slug', key: 'err_slug_taken' }]);
		expect((await createProgramme(parkStaff, cimahi.slug, input)).siteId).toBe(cimahi.id);

		expect((await refusal(createCall(parkStaff, p.id, { title: 'Gelombang 1', opensAt: '2026-11-09T08:00:00+07:00', closesAt: '2026-12-31T23:59:00+07:00' }, NOW))).code).toBe('FORBIDDEN');
		const callId = (await createCall(admin, p.id, { title: 'Gelombang 1', opensAt: '2026-11-09T08:00:00+07:00', closesAt: '2026-12-31T23:59:00+07:00' }, NOW)).id;
		const [x, y] = await makeMembers(2, null);
		const ids = [await submitted(x!, callId, 'Nusantara Render'), await submitted(y!, callId, 'Kode Timur')];
		expect((await refusal(listApplications(parkStaff, callId, {}))).code).toBe('FORBIDDEN');
		expect((await listApplications(admin, callId, {})).items).toHaveLength(2);

		// Reviewers of both parks make up the pool; each reviews both.
		const stage = await createStage(admin, callId, { name: 'Penilaian proposal', criteria: rubric, reviewersPerApplication: 2 });
		await moveApplications(admin, callId, { applicationIds: ids, to: stage.id, notify: false }, NOW);
		expect((await reviewers(admin, callId)).map((r) => r.id)).toEqual(expect.arrayContaining([rc.userId, rb.userId]));
		expect((await refusal(reviewers(parkStaff, callId))).code).toBe('FORBIDDEN');
		for (const r of [rc, rb]) await assignReviewers(admin, stage.id, { applicationIds: ids, reviewerId: r.userId });
		for (const r of [rc, rb]) {
			const mine = (await myReviews(r)).filter((m) => ids.includes(m.applicationId));
			expect(mine.map((m) => m.siteName)).toEqual(['Virtual Technopark Indonesia', 'Virtual Technopark Indonesia']);
			for (const m of mine) await scoreReview(r, m.id, { scores: { inovasi: 4, pasar: 8 } });
		}
		expect((await refusal(ranking(parkStaff, stage.id))).code).toBe('FORBIDDEN');
		expect((await ranking(admin, stage.id)).items.map((i) => i.mean)).toEqual([80, 80]);

		// Accepted: a cohort of the network, with no park's tenancy.
		await moveApplications(admin, callId, { applicationIds: ids, to: 'accepted' }, NOW);
		expect((await cohortOf(p.id)).map((o) => o.name).sort()).toEqual(['Kode Timur', 'Nusantara Render']);
		const orgs = (await Promise.all(ids.map((id) => getApplication(admin, id)))).map((a) => a.organizationId!);
		expect(await db().select().from(tenancy).where(inArray(tenancy.orgId, orgs))).toEqual([]);
		const [mail] = (await mailsTo(x!.email)).filter((m) => m.subject.startsWith('Selamat'));
		expect(mail?.text).toContain('Virtual Technopark Indonesia');
	});
});

describe('decision e-mails worded by the call\'s staff', () => {
	it('are sent in each applicant\'s language with their names filled in; unknown marks and strangers change nothing', async () => {
		const park = await makeSite({ name: 'Coding Factory KEK Singhasari' });
		const staff = await makeUser('site_staff', park.id);
		const p = await createProgramme(staff, park.slug, { slug: 'team-inkubasi', name: 'Team Incubation', kind: 'incubation', startsOn: '2027-02-01', endsOn: '2027-07-31' });
		const callId = (await createCall(staff, p.id, { title: 'Batch 3', opensAt: '2026-11-09T08:00:00+07:00', closesAt: '2026-12-31T23:59:00+07:00' }, NOW)).id;
		const [ina, eng] = await makeMembers(2, null);
		await db().update(user).set({ locale: 'en' }).where(eq(user.id, eng!.userId));
		const ids: string[] = [];
		for (const [me, name] of [[ina!, 'Kopi Kode'], [eng!, 'Arek Cloud']] as const) ids.push(await submitted(me, callId, name));

		const built = await decisionTexts(staff, callId);
		expect(built.accepted.id).toMatchObject({ custom: false });
		expect(built.accepted.id.body).toContain('{name}');
		const texts = Object.fromEntries(Object.entries(built).map(([k, v]) => [k, { id: { subject: v.id.subject, body: v.id.body }, en: { subject: v.en.subject, body: v.en.body } }])) as Record<'advanced' | 'accepted' | 'rejected', Record<'id' | 'en', { subject: string; body: string }>>;
		texts.accepted.id = { subject: 'Selamat, {startup} diterima di {programme}!', body: 'Halo {name},\r\n\r\n{startup} diterima di {call}. Sampai jumpa di {site} pada 1 Februari.' };
		const saved = await saveDecisionTexts(staff, callId, texts);
		expect([saved.accepted.id.custom, saved.accepted.en.custom, saved.rejected.id.custom]).toEqual([true, false, false]);
		// Only the changed wording is kept; the rest follows the built-in text.
		const stored = async () => (await db().select({ t: programmeCall.mailTemplates }).from(programmeCall).where(eq(programmeCall.id, callId)))[0]!.t;
		expect(Object.keys(await stored())).toEqual(['accepted']);

		// A mark Taman cannot fill is named, and nothing changes.
		const before = await stored();
		const bad = await refusal(saveDecisionTexts(staff, callId, { ...texts, rejected: { ...texts.rejected, en: { subject: 'Result', body: 'Your score was {nilai}.' } } }));
		expect(bad.fields).toMatchObject([{ field: 'rejected.en.body', key: 'err_template_placeholder', params: { placeholder: '{nilai}' } }]);
		expect(await stored()).toEqual(before);
		// Reviewers, members and another park's staff may neither read nor change them.
		const denied = await auditCount(undefined, 'denied');
		for (const who of [await makeUser('reviewer', park.id), await makeUser('member', park.id), await makeUser('site_staff', (await makeSite({ name: 'BCIC Bali' })).id)]) {
			expect((await refusal(decisionTexts(who, callId))).code).toBe('FORBIDDEN');
			expect((await refusal(saveDecisionTexts(who, callId, texts))).code).toBe('FORBIDDEN');
		}
		expect(await auditCount(undefined, 'denied')).toBe(denied + 6);
		expect(await stored()).toEqual(before);

		await moveApplications(staff, callId, { applicationIds: ids, to: 'accepted' }, NOW);
		const [own] = (await mailsTo(ina!.email)).filter((x) => x.subject.startsWith('Selamat'));
		expect(own).toMatchObject({ subject: 'Selamat, Kopi Kode diterima di Team Incubation!', text: `Halo ${ina!.name},\n\nKopi Kode diterima di Batch 3. Sampai jumpa di Coding Factory KEK Singhasari pada 1 Februari.` });
		const [english] = (await mailsTo(eng!.email)).filter((x) => x.subject.startsWith('Congratulations'));
		expect(english?.subject).toBe('Congratulations! You have been accepted to Team Incubation');
		expect(english?.text).toContain(eng!.name);
	});
});
