import { describe, it, expect, beforeAll } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestDb } from './db.ts';
import { makeSite, makeUser, makeMembers, refusal, auditCount, mailsTo, countRows } from './factories.ts';
import { createCall, createProgramme } from '../src/lib/server/incubation/programme.service.ts';
import { getApplication, getFile, getForm, listApplications, myApplications, saveApplication, saveForm, startApplication, submitApplication, uploadFile, withdrawApplication } from '../src/lib/server/incubation/application.service.ts';
import { application, applicationFile } from '../src/lib/server/incubation/schema.ts';
import { organization, orgMember } from '../src/lib/server/directory/schema.ts';
import { createOrg } from '../src/lib/server/directory/org.service.ts';
import { starterForm, type FormSection } from '../src/lib/forms.ts';
import { db } from '../src/lib/server/db/client.ts';
import type { UserActor } from '../src/lib/server/auth/actor.ts';

useTestDb();

const NOW = new Date('2026-11-23T03:00:00Z');
const AFTER_CLOSE = new Date('2027-01-01T00:00:00Z');
const pdf = (kb = 2) => ({ name: 'pitch-deck.pdf', type: 'application/pdf', data: new Uint8Array(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(kb * 1024, 0x20)])) });
const identity = { kbli: '62019', subsector: 'app', provinceCode: '32', regencyCode: '32.77' };
const complete = { summary: 'Aplikasi kasir untuk UMKM kuliner Cimahi', stage: 'mvp', team: [{ name: 'Rina Kartika', role: 'CEO' }, { name: 'Dimas Pratama', role: 'CTO' }] };

describe('application forms and applications', () => {
	let park: { id: string; slug: string };
	let staff: UserActor;
	let callId: string;
	const applicants: UserActor[] = [];

	beforeAll(async () => {
		park = await makeSite({ name: 'Cimahi Techno Park' });
		staff = await makeUser('site_staff', park.id);
		const p = await createProgramme(staff, park.slug, { slug: 'inkubasi-2027', name: 'Inkubasi Startup Digital 2027', kind: 'incubation', startsOn: '2027-02-01', endsOn: '2027-07-31' });
		callId = (await createCall(staff, p.id, { title: 'Gelombang 1', opensAt: '2026-11-09T08:00:00+07:00', closesAt: '2026-12-31T23:59:00+07:00' }, NOW)).id;
		applicants.push(...(await makeMembers(6, null)));
	});

	it('a new call offers the starter form; a draft is saved, checked by type, and submitted with a PDF', async () => {
		expect((await getForm(callId)).version).toBe(0);
		const [a] = applicants as [UserActor];
		const draft = await startApplication(a, callId, { startupName: 'Kasir Kita' }, NOW);
		expect(draft).toMatchObject({ status: 'draft', startupName: 'Kasir Kita', callOpen: true });
		expect(draft.form.version).toBe(1);

		// Types are checked on save; missing answers are not, until submission.
		const bad = await refusal(saveApplication(a, draft.id, { answers: { stage: 'unicorn', website: 'not a url' } }, NOW));
		expect(bad.fields?.map((f) => f.field).sort()).toEqual(['answers.stage', 'answers.website']);
		// A money answer is read as people type it, but only when its condition holds.
		const saved = await saveApplication(a, draft.id, { answers: { ...complete, stage: 'revenue', revenue: 'Rp1.500.000' }, ...identity }, NOW);
		expect(saved.answers).toMatchObject({ stage: 'revenue', revenue: 1500000 });
		const hidden = await saveApplication(a, draft.id, { answers: { ...complete, revenue: 'Rp1.500.000' } }, NOW);
		expect(hidden.answers.revenue).toBeUndefined();

		// The form's empty team rows are not members: a team of none is a missing answer.
		const emptyTeam = await saveApplication(a, draft.id, { answers: { ...complete, team: [{ name: ' ', role: '' }] } }, NOW);
		expect(emptyTeam.answers.team).toBeUndefined();
		await saveApplication(a, draft.id, { answers: { ...complete, team: [...complete.team, { name: '', role: '' }] } }, NOW);

		// Submission names every missing required answer: here the pitch deck.
		const incomplete = await refusal(submitApplication(a, draft.id, NOW));
		expect(incomplete.key).toBe('err_application_incomplete');
		expect(incomplete.fields?.map((f) => f.field)).toEqual(['answers.pitch_deck']);

		// A renamed HTML page is not a PDF; an oversized one is refused; nothing is stored for either.
		const html = { name: 'deck.pdf', type: 'application/pdf', data: new Uint8Array(Buffer.from('<!doctype html><script>alert(1)</script>')) };
		expect((await refusal(uploadFile(a, draft.id, 'pitch_deck', html, NOW))).fields?.[0]?.key).toBe('err_file_pdf');
		expect((await refusal(uploadFile(a, draft.id, 'pitch_deck', pdf(10 * 1024 + 1), NOW))).fields?.[0]).toMatchObject({ key: 'err_file_size', params: { mb: 10 } });
		expect(await countRows(applicationFile)).toBe(0);
		const withFile = await uploadFile(a, draft.id, 'pitch_deck', pdf(), NOW);
		expect(withFile.files).toHaveLength(1);

		const done = await submitApplication(a, draft.id, NOW);
		expect(done).toMatchObject({ status: 'submitted', submittedAt: NOW.toISOString(), organizationName: 'Kasir Kita' });
		// The new startup is registered with the applicant as its admin.
		const [m] = await db().select().from(orgMember).innerJoin(organization, eq(organization.id, orgMember.orgId)).where(eq(organization.name, 'Kasir Kita'));
		expect(m?.org_member).toMatchObject({ userId: a.userId, isAdmin: true });
		const [mail] = await mailsTo(a.email);
		expect(mail?.subject).toContain('Inkubasi Startup Digital 2027');
		// Submitted means frozen.
		expect((await refusal(saveApplication(a, draft.id, { answers: complete }, NOW))).key).toBe('err_application_not_draft');
		expect((await myApplications(a)).map((x) => [x.callTitle, x.status])).toEqual([['Gelombang 1', 'submitted']]);
		expect(await auditCount('application.submit', 'ok')).toBe(1);
	});

	it('changing the form after submissions writes a new version: the submitted keep theirs, drafts move', async () => {
		const [, b, c] = applicants as [UserActor, UserActor, UserActor];
		const draft = await startApplication(b, callId, { startupName: 'Sawah Data' }, NOW);
		await saveApplication(b, draft.id, { answers: { summary: 'Sensor tanah', stage: 'idea' } }, NOW);
		const submitted = (await listApplications(staff, callId, { status: 'submitted' })).items[0]!;
		const before = await getApplication(staff, submitted.id, NOW);

		const sections: FormSection[] = starterForm();
		sections[0]!.fields = sections[0]!.fields.filter((f) => f.key !== 'website');
		sections[0]!.fields.push({ key: 'city', type: 'short_text', label: { id: 'Kota asal', en: 'Home city' }, help: { id: '', en: '' }, required: true, options: [] });
		const v2 = await saveForm(staff, callId, { sections });
		expect(v2.version).toBe(2);
		// The submitted application still shows the form it answered.
		const after = await getApplication(staff, submitted.id, NOW);
		expect(after.form).toEqual(before.form);
		expect(after.answers).toEqual(before.answers);
		// The draft follows the new form and keeps its answers.
		const moved = await getApplication(b, draft.id, NOW);
		expect(moved.form.version).toBe(2);
		expect(moved.answers).toMatchObject({ summary: 'Sensor tanah', stage: 'idea' });
		// A version that only drafts use is changed in place.
		await startApplication(c, callId, {}, NOW);
		expect((await saveForm(staff, callId, { sections })).version).toBe(2);
		await db().delete(application).where(eq(application.applicantId, c.userId));
	});

	it('a bad form is refused with the field named, and nothing changes', async () => {
		const sections = starterForm();
		sections[0]!.fields.push({ ...sections[0]!.fields[0]!, showIf: { field: 'website', values: ['x'] } });
		const e = await refusal(saveForm(staff, callId, { sections }));
		const fields = e.fields!.map((f) => `${f.field} ${f.key}`);
		expect(fields).toContain('sections.0.fields.5.key err_form_key_taken');
		expect(fields).toContain('sections.0.fields.5.showIf err_form_condition');
		expect((await getForm(callId)).version).toBe(2);
	});

	it('after the close nothing is saved or submitted; before it opens no draft starts', async () => {
		const [, b] = applicants as [UserActor, UserActor];
		const mine = (await myApplications(b))[0]!;
		expect((await refusal(submitApplication(b, mine.id, AFTER_CLOSE))).key).toBe('err_call_closed');
		expect((await refusal(saveApplication(b, mine.id, { answers: complete }, AFTER_CLOSE))).key).toBe('err_call_closed');
		expect((await getApplication(b, mine.id, AFTER_CLOSE)).status).toBe('draft');
		const p = await createProgramme(staff, park.slug, { slug: 'magang-2027', name: 'Magang Cloud', kind: 'internship', startsOn: '2027-03-01', endsOn: '2027-05-31' });
		const later = await createCall(staff, p.id, { title: 'Batch 1', opensAt: '2027-01-10T08:00:00+07:00', closesAt: '2027-01-31T23:59:00+07:00' }, NOW);
		expect((await refusal(startApplication(b, later.id, {}, NOW))).key).toBe('err_call_not_open');
	});

	it('only the applicant and the park staff see an application; others get 404 and nothing changes', async () => {
		const [a, , , d] = applicants as [UserActor, UserActor, UserActor, UserActor];
		const mine = (await myApplications(a))[0]!;
		const other = await makeSite({ name: 'Technopark Makassar' });
		const otherStaff = await makeUser('site_staff', other.id);
		const mentor = await makeUser('mentor', park.id);
		for (const who of [d, otherStaff, mentor]) {
			expect((await refusal(getApplication(who, mine.id))).code).toBe('NOT_FOUND');
			const f = (await getApplication(a, mine.id)).files[0]!;
			expect((await refusal(getFile(who, mine.id, f.id))).code).toBe('NOT_FOUND');
			expect((await refusal(listApplications(who, callId, {}))).code).toBe('FORBIDDEN');
		}
		expect((await refusal(withdrawApplication(d, mine.id))).code).toBe('NOT_FOUND');
		expect((await refusal(saveApplication(staff, mine.id, { answers: complete }, NOW))).code).toBe('NOT_FOUND');
		expect((await getApplication(a, mine.id)).status).toBe('submitted');
		const file = await getFile(staff, mine.id, (await getApplication(a, mine.id)).files[0]!.id);
		expect(file.content.subarray(0, 5).toString()).toBe('%PDF-');
		expect(await auditCount('application.read', 'denied')).toBeGreaterThan(0);
	});

	it('one application per person and per organisation; an organisation must be the applicant\'s own', async () => {
		const [, , , d, e] = applicants as [UserActor, UserActor, UserActor, UserActor, UserActor];
		const org = await createOrg(d, { name: 'Lontara Digital', slug: 'lontara-digital', kind: 'startup' });
		expect((await refusal(startApplication(e, callId, { organizationId: org.id }, NOW))).fields?.[0]?.key).toBe('err_application_org');
		await startApplication(d, callId, { organizationId: org.id }, NOW);
		expect((await refusal(startApplication(d, callId, {}, NOW))).key).toBe('err_application_exists');
		const mine = (await myApplications(d))[0]!;
		await withdrawApplication(d, mine.id);
		expect((await startApplication(d, callId, { organizationId: org.id }, NOW)).status).toBe('draft');
	});

	it('staff list and search a call\'s applications, submitted first, with sector and region', async () => {
		const all = await listApplications(staff, callId, {});
		expect(all.items[0]).toMatchObject({ status: 'submitted', startup: 'Kasir Kita', kbli: '62019', subsector: 'app', region: 'Kota Cimahi' });
		expect((await listApplications(staff, callId, { q: 'sawah' })).items.map((x) => x.startup)).toEqual(['Sawah Data']);
		const paged = await listApplications(staff, callId, {}, { limit: 1 });
		const next = await listApplications(staff, callId, {}, { limit: 1, cursor: paged.nextCursor! });
		expect(next.items[0]!.id).not.toBe(paged.items[0]!.id);
	});
});
