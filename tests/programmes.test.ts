import { describe, it, expect, beforeAll } from 'vitest';
import { useTestDb } from './db.ts';
import { makeSite, makeUser, refusal, auditCount } from './factories.ts';
import { createPlan } from '../src/lib/server/facilities/plan.service.ts';
import { createCall, createProgramme, findProgrammes, getProgramme, openCalls, updateCall, updateProgramme } from '../src/lib/server/incubation/programme.service.ts';
import { anonymous, type UserActor } from '../src/lib/server/auth/actor.ts';

useTestDb();

const input = (over: Record<string, unknown> = {}) => ({ slug: 'inkubasi-2027', name: 'Inkubasi Startup Digital Cimahi 2027', kind: 'incubation', startsOn: '2027-02-01', endsOn: '2027-07-31', capacity: 10, ...over });
const NOW = new Date('2026-11-23T03:00:00Z');

describe('programmes and calls', () => {
	let park: { id: string; slug: string };
	let staff: UserActor;
	let member: UserActor;

	beforeAll(async () => {
		park = await makeSite({ name: 'Cimahi Techno Park' });
		staff = await makeUser('site_staff', park.id);
		member = await makeUser('member', park.id);
	});

	it('staff create a programme with a plan of their park and open a call; the public sees its state', async () => {
		const plan = await createPlan(staff, park.slug, { name: 'Inkubasi Tahap 1', allowances: [{ name: 'Ruang', kinds: ['meeting_room'], amount: 40 }] });
		const p = await createProgramme(staff, park.slug, input({ planId: plan.id, eligibility: 'Startup digital di Jawa Barat' }));
		expect(p).toMatchObject({ siteSlug: park.slug, kind: 'incubation', planName: 'Inkubasi Tahap 1', calls: [] });
		const call = await createCall(staff, p.id, { title: 'Gelombang 1', opensAt: '2026-11-09T08:00:00+07:00', closesAt: '2026-12-31T23:59:00+07:00' }, NOW);
		expect(call).toMatchObject({ state: 'open', closesAt: '2026-12-31T16:59:00.000Z' });
		await createCall(staff, p.id, { title: 'Gelombang 2', opensAt: '2027-01-10T08:00:00+07:00', closesAt: '2027-01-31T23:59:00+07:00' }, NOW);
		const seen = await getProgramme('inkubasi-2027', park.slug, NOW);
		expect(seen.calls.map((c) => [c.title, c.state])).toEqual([
			['Gelombang 2', 'upcoming'],
			['Gelombang 1', 'open']
		]);
		expect((await openCalls(NOW)).map((c) => c.title)).toEqual(['Gelombang 1']);
		// An extension moves the closing; after it the call is closed.
		const later = new Date('2027-01-05T00:00:00Z');
		expect((await updateCall(staff, call.id, { closesAt: '2027-01-07T23:59:00+07:00' }, later)).state).toBe('open');
		expect((await getProgramme(p.id, undefined, new Date('2027-01-08T00:00:00Z'))).calls.find((c) => c.id === call.id)!.state).toBe('closed');
		expect(await auditCount('call.update', 'ok')).toBe(1);
	});

	it('programmes with an open call come first, and ?open lists only those', async () => {
		const other = await makeSite({ name: 'Bandung Technopark' });
		const otherStaff = await makeUser('site_staff', other.id);
		await createProgramme(otherStaff, other.slug, input({ slug: 'magang', name: 'Magang IoT', kind: 'internship' }));
		const all = await findProgrammes({}, NOW);
		expect(all[0]!.name).toBe('Inkubasi Startup Digital Cimahi 2027');
		expect((await findProgrammes({ open: '1' }, NOW)).map((p) => p.name)).toEqual(['Inkubasi Startup Digital Cimahi 2027']);
		expect((await findProgrammes({ site: other.slug }, NOW)).map((p) => p.name)).toEqual(['Magang IoT']);
	});

	it('bad input is named; others cannot create or change; a plan of another park is refused', async () => {
		expect((await refusal(createProgramme(member, park.slug, input({ slug: 'liar' })))).code).toBe('FORBIDDEN');
		expect((await refusal(createProgramme(anonymous, park.slug, input({ slug: 'liar' })))).code).toBe('UNAUTHENTICATED');
		expect((await refusal(createProgramme(staff, park.slug, input({ slug: 'mundur', endsOn: '2027-01-01' })))).fields[0]).toMatchObject({ field: 'endsOn', key: 'err_field_date_order' });
		expect((await refusal(createProgramme(staff, park.slug, input()))).fields[0]).toMatchObject({ field: 'slug', key: 'err_slug_taken' });
		expect((await refusal(createProgramme(staff, park.slug, input({ slug: 'acara-baru', kind: 'hackathon', capacity: 0 })))).fields.map((f) => f.field).sort()).toEqual(['capacity', 'kind']);
		const far = await makeSite();
		const farPlan = await createPlan(await makeUser('site_staff', far.id), far.slug, { name: 'Jauh', allowances: [{ name: 'Ruang', kinds: ['hall'], amount: 1 }] });
		expect((await refusal(createProgramme(staff, park.slug, input({ slug: 'paket-lain', planId: farPlan.id })))).fields[0]).toMatchObject({ field: 'planId' });
		const p = await getProgramme('inkubasi-2027', park.slug);
		expect((await refusal(updateProgramme(member, p.id, { capacity: 3 }))).code).toBe('FORBIDDEN');
		expect((await updateProgramme(staff, p.id, { capacity: 12 })).capacity).toBe(12);
		expect((await refusal(createCall(staff, p.id, { title: 'Terbalik', opensAt: '2026-12-10T08:00:00+07:00', closesAt: '2026-12-01T08:00:00+07:00' }))).fields[0]).toMatchObject({ field: 'closesAt', key: 'err_call_window' });
		expect((await refusal(createCall(staff, p.id, { title: 'Tanpa zona', opensAt: '2026-12-10T08:00:00', closesAt: '2026-12-20T08:00:00+07:00' }))).fields[0]!.field).toBe('opensAt');
		expect((await refusal(createCall(member, p.id, { title: 'x', opensAt: '2026-12-10T08:00:00+07:00', closesAt: '2026-12-20T08:00:00+07:00' }))).code).toBe('FORBIDDEN');
		expect((await refusal(getProgramme('tidak-ada', park.slug))).code).toBe('NOT_FOUND');
	});
});
