import { describe, it, expect } from 'vitest';
import { useTestDb } from './db.ts';
import { makeSite, makeUser, makeResource, siteInput, auditCount, countRows, refusal } from './factories.ts';
import { createSite, updateSite, getSite } from '../src/lib/server/directory/site.service.ts';
import { createOrg, findOrgs, updateOrg, addMember, createTenancy, updateTenancy, getOrg } from '../src/lib/server/directory/org.service.ts';
import { createBooking } from '../src/lib/server/facilities/booking.service.ts';
import { localParts } from '../src/lib/server/facilities/time.ts';
import { site, organization, tenancy } from '../src/lib/server/directory/schema.ts';
import { anonymous } from '../src/lib/server/auth/actor.ts';

useTestDb();


describe('sites', () => {
	it('a network admin creates a site; it is audited with its region names', async () => {
		const admin = await makeUser('network_admin');
		const s = await createSite(admin, siteInput({ slug: 'technopark-makassar', name: 'Technopark Makassar', timeZone: 'Asia/Makassar', provinceCode: '73', regencyCode: '73.71' }));
		expect(s.regencyName).toBe('Kota Makassar');
		expect(s.provinceName).toBe('Sulawesi Selatan');
		expect((await getSite('technopark-makassar')).timeZone).toBe('Asia/Makassar');
		expect(await auditCount('site.create', 'ok')).toBe(1);
	});

	it('a site manager cannot create a site; anonymous gets 401; nothing changes and denials are audited', async () => {
		const s = await makeSite();
		const manager = await makeUser('site_manager', s.id);
		const before = await countRows(site);
		expect((await refusal(createSite(manager, siteInput()))).code).toBe('FORBIDDEN');
		expect((await refusal(createSite(anonymous, siteInput()))).code).toBe('UNAUTHENTICATED');
		expect(await countRows(site)).toBe(before);
		expect(await auditCount('site.create', 'denied')).toBe(2);
	});

	it('a site manager edits their own site but not another', async () => {
		const mine = await makeSite();
		const other = await makeSite();
		const manager = await makeUser('site_manager', mine.id);
		expect((await updateSite(manager, mine.slug, { description: 'Pusat animasi' })).description).toBe('Pusat animasi');
		// A change names only what changes: fields left out keep their values (not their defaults).
		expect(await updateSite(manager, mine.slug, { name: 'Nama Baru' })).toMatchObject({ name: 'Nama Baru', description: 'Pusat animasi' });
		expect((await refusal(updateSite(manager, other.slug, { description: 'x' }))).code).toBe('FORBIDDEN');
		expect((await getSite(other.slug)).description).toBe('');
	});

	it('bad input names each field and changes nothing', async () => {
		const admin = await makeUser('network_admin');
		const before = await countRows(site);
		const e = await refusal(createSite(admin, { ...siteInput(), name: 'x'.repeat(500), timeZone: 'Europe/London', isAdmin: true, offers: 'not-a-list' }));
		expect(e.code).toBe('VALIDATION');
		const fields = e.fields.map((f) => f.field).sort();
		expect(fields).toEqual(['isAdmin', 'name', 'offers', 'timeZone']);
		expect(e.fields.find((f) => f.field === 'name')).toMatchObject({ key: 'err_field_too_long', params: { max: 120 } });
		expect(e.fields.find((f) => f.field === 'isAdmin')?.key).toBe('err_field_unknown');
		// A regency outside its province is refused by region data.
		const r = await refusal(createSite(admin, siteInput({ provinceCode: '32', regencyCode: '35.07' })));
		expect(r.fields[0]).toMatchObject({ field: 'regencyCode', key: 'err_region_regency' });
		// The network's own slug is no park's.
		expect((await refusal(createSite(admin, siteInput({ slug: 'jaringan' })))).fields[0]).toMatchObject({ field: 'slug', key: 'err_slug_taken' });
		expect(await countRows(site)).toBe(before);
	});

	it('a taken slug is a 409 naming the slug', async () => {
		const admin = await makeUser('network_admin');
		const s = await makeSite();
		const e = await refusal(createSite(admin, siteInput({ slug: s.slug })));
		expect(e.code).toBe('CONFLICT');
		expect(e.fields[0]?.field).toBe('slug');
	});

	it('phones typed the Indonesian way are stored as E.164', async () => {
		const admin = await makeUser('network_admin');
		const s = await createSite(admin, siteInput({ contactPhone: '0812-3456-7890' }));
		expect(s.contactPhone).toBe('+6281234567890');
	});
});

describe('organisations and the directory', () => {
	it('whoever registers an organisation becomes its admin; others cannot edit it', async () => {
		const founder = await makeUser();
		const stranger = await makeUser();
		const org = await createOrg(founder, { name: 'Sekolahan.id', slug: 'sekolahan-id', kind: 'startup', description: 'Pelatihan Internet of Things untuk sekolah', npwp: '01.234.567.8-901.234', nib: '1234567890123' });
		expect(org.npwp).toBe('012345678901234'); // legacy 15-digit NPWP, punctuation removed
		expect((await updateOrg(founder, org.slug, { tags: ['IoT', 'edtech'] })).tags).toEqual(['iot', 'edtech']);
		expect((await refusal(updateOrg(stranger, org.slug, { name: 'Diambil alih' }))).code).toBe('FORBIDDEN');
		expect((await getOrg(anonymous, org.slug)).name).toBe('Sekolahan.id');
		// The public never sees the tax number.
		expect((await getOrg(anonymous, org.slug)).npwp).toBeNull();
	});

	it('validates NIB and NPWP formats', async () => {
		const founder = await makeUser();
		const before = await countRows(organization);
		const e = await refusal(createOrg(founder, { name: 'PT Ledino', slug: 'ledino', kind: 'startup', nib: '123', npwp: '12' }));
		expect(e.fields.map((f) => f.key).sort()).toEqual(['err_field_nib', 'err_field_npwp']);
		expect(await countRows(organization)).toBe(before);
	});

	it('search finds Indonesian and English word forms, typos, and filters by site and kind', async () => {
		const founder = await makeUser();
		const s = await makeSite({ slug: 'aff-singhasari' });
		const admin = await makeUser('network_admin');
		const a = await createOrg(founder, { name: 'Arunika Animasi', slug: 'arunika', kind: 'studio', description: 'Studio yang melatih animator muda' });
		await createOrg(founder, { name: 'Kopi Kode', slug: 'kopi-kode', kind: 'startup', description: 'Software house serving clients in Japan' });
		await createTenancy(admin, { orgId: a.id, siteId: s.id, startsOn: '2024-02-12' });
		const names = async (q: object) => (await findOrgs(q, { limit: 10 })).items.map((o) => o.name);
		// melatih ~ pelatihan (stem: latih); Sekolahan.id's "Pelatihan Internet of Things" (kept through its tag change above) too.
		expect((await names({ q: 'pelatihan' })).sort()).toEqual(['Arunika Animasi', 'Sekolahan.id']);
		expect(await names({ q: 'serve' })).toEqual(['Kopi Kode']); // English stem
		expect(await names({ q: 'Arunka' })).toEqual(['Arunika Animasi']); // typo, trigram
		expect(await names({ site: 'aff-singhasari' })).toEqual(['Arunika Animasi']);
		const startups = await names({ kind: 'startup' });
		expect(startups).toContain('Kopi Kode');
		expect(startups).not.toContain('Arunika Animasi');
	});

	it('org admins add members by e-mail; an unknown e-mail is a clear 404', async () => {
		const founder = await makeUser();
		const colleague = await makeUser();
		const org = await createOrg(founder, { name: 'Ayena Studio', slug: 'ayena', kind: 'studio' });
		await addMember(founder, org.slug, { email: colleague.email, title: 'Animator' });
		expect((await getOrg(founder, org.slug)).members.map((m) => m.title).sort()).toEqual(['', 'Animator']);
		expect((await refusal(addMember(founder, org.slug, { email: 'nobody@example.id' }))).key).toBe('err_person_not_found');
		expect((await refusal(addMember(colleague, org.slug, { email: founder.email }))).code).toBe('FORBIDDEN');
	});

	it('site staff record tenancies at their own site only', async () => {
		const mine = await makeSite();
		const other = await makeSite();
		const staff = await makeUser('site_staff', mine.id);
		const founder = await makeUser();
		const org = await createOrg(founder, { name: 'Kaába Virtual', slug: 'kaaba', kind: 'startup' });
		await createTenancy(staff, { orgId: org.id, siteId: mine.id, startsOn: '2026-01-01' });
		expect((await refusal(createTenancy(staff, { orgId: org.id, siteId: other.id, startsOn: '2026-01-01' }))).code).toBe('FORBIDDEN');
		const bad = await refusal(createTenancy(staff, { orgId: org.id, siteId: mine.id, startsOn: '2026-05-01', endsOn: '2026-01-01' }));
		expect(bad.fields[0]).toMatchObject({ field: 'endsOn', key: 'err_field_date_order' });
		expect((await getOrg(staff, org.slug)).tenancies).toHaveLength(1);
		// The site's page and the list agree on how many tenants it has; the other site has none.
		expect((await getSite(mine.slug)).tenantCount).toBe(1);
		expect((await getSite(mine.id)).tenantCount).toBe(1);
		expect((await getSite(other.slug)).tenantCount).toBe(0);
	});
});

describe('changing a tenancy', () => {
	it('staff activate, suspend and end a tenancy; ended without a date ends today; its people lose rooms for tenants only at once', async () => {
		const park = await makeSite({ name: 'Cimahi Techno Park', timeZone: 'Asia/Jakarta' });
		const staff = await makeUser('site_staff', park.id);
		const founder = await makeUser();
		const org = await createOrg(founder, { name: 'Lumbung Animasi', slug: 'lumbung-animasi', kind: 'studio' });
		const t = await createTenancy(staff, { orgId: org.id, siteId: park.id, startsOn: '2026-01-05', status: 'applied' });
		expect((await getSite(park.id)).tenantCount).toBe(0);

		const active = await updateTenancy(staff, t.id, { status: 'active' });
		expect(active).toMatchObject({ status: 'active', startsOn: '2026-01-05', endsOn: null });
		expect((await getSite(park.id)).tenantCount).toBe(1);
		const room = await makeResource(park.id, { name: 'Studio Animasi 1', bookableBy: 'tenants', alwaysOpen: true });
		const slot = (h: number) => ({ resourceId: room.id, organizationId: org.id, startsAt: new Date(Date.now() + h * 3600_000).toISOString().slice(0, 14) + '00:00Z', endsAt: new Date(Date.now() + (h + 1) * 3600_000).toISOString().slice(0, 14) + '00:00Z' });
		const updates = await auditCount('tenancy.update', 'ok');
		await createBooking(founder, slot(48));

		const ended = await updateTenancy(staff, t.id, { status: 'ended' });
		expect(ended).toMatchObject({ status: 'ended', endsOn: localParts(new Date(), 'Asia/Jakarta').date });
		expect((await getSite(park.id)).tenantCount).toBe(0);
		expect((await refusal(createBooking(founder, slot(72)))).key).toBe('err_booking_tenants_only');
		expect(await auditCount('tenancy.update', 'ok')).toBe(updates + 1);
	});

	it('bad dates, other parks, strangers and unknown tenancies change nothing', async () => {
		const park = await makeSite();
		const elsewhere = await makeSite();
		const staff = await makeUser('site_staff', park.id);
		const otherStaff = await makeUser('site_staff', elsewhere.id);
		const founder = await makeUser();
		const org = await createOrg(founder, { name: 'Kumata Studio', slug: 'kumata-tenant', kind: 'studio' });
		const t = await createTenancy(staff, { orgId: org.id, siteId: park.id, startsOn: '2026-03-01' });
		const denied = await auditCount('tenancy.manage', 'denied');
		const bad = await refusal(updateTenancy(staff, t.id, { endsOn: '2026-02-01' }));
		expect(bad.fields[0]).toMatchObject({ field: 'endsOn', key: 'err_field_date_order' });
		expect((await refusal(updateTenancy(staff, t.id, { status: 'finished' }))).fields[0]?.field).toBe('status');
		expect((await refusal(updateTenancy(staff, t.id, { orgId: org.id }))).code).toBe('VALIDATION');
		expect((await refusal(updateTenancy(otherStaff, t.id, { status: 'ended' }))).code).toBe('FORBIDDEN');
		expect((await refusal(updateTenancy(founder, t.id, { status: 'ended' }))).code).toBe('FORBIDDEN');
		expect((await refusal(updateTenancy(anonymous, t.id, { status: 'ended' }))).code).toBe('UNAUTHENTICATED');
		expect((await refusal(updateTenancy(staff, '00000000-0000-4000-8000-000000000000', { status: 'ended' }))).key).toBe('err_tenancy_not_found');
		expect((await refusal(updateTenancy(staff, 'not-a-uuid', { status: 'ended' }))).code).toBe('NOT_FOUND');
		const [row] = await (await import('../src/lib/server/db/client.ts')).db().select().from(tenancy).where((await import('drizzle-orm')).eq(tenancy.id, t.id));
		expect(row).toMatchObject({ status: 'active', startsOn: '2026-03-01', endsOn: null });
		expect(await auditCount('tenancy.manage', 'denied')).toBe(denied + 3);
	});
});

describe('keyset paging of prepared lists', () => {
	it('walks every site and every tenancy one page at a time, in order, without repeats', async () => {
		const { findSites } = await import('../src/lib/server/directory/site.service.ts');
		const { findTenancies } = await import('../src/lib/server/directory/org.service.ts');
		const { tenancy } = await import('../src/lib/server/directory/schema.ts');
		const { db } = await import('../src/lib/server/db/client.ts');
		const host = await makeSite({ name: 'Zz Paging Park' });
		for (const n of ['Beta', 'Alfa', 'Gamma']) {
			const o = await createOrg(await makeUser(), { name: `${n} Studio`, slug: `${n.toLowerCase()}-${Math.random().toString(36).slice(2, 8)}`, kind: 'studio' });
			await db().insert(tenancy).values({ orgId: o.id, siteId: host.id, startsOn: '2026-01-01', status: 'active' });
		}
		const walk = async <T>(fetch: (cursor?: string) => Promise<{ items: T[]; nextCursor: string | null }>) => {
			const seen: T[] = [];
			let cursor: string | undefined;
			do {
				const pageOf = await fetch(cursor);
				expect(pageOf.items.length).toBeLessThanOrEqual(1);
				seen.push(...pageOf.items);
				cursor = pageOf.nextCursor ?? undefined;
			} while (cursor);
			return seen;
		};
		const all = (await findSites({ limit: 200 })).items.map((s) => s.name);
		expect((await walk((cursor) => findSites({ limit: 1, cursor }))).map((s) => s.name)).toEqual(all);
		expect((await walk((cursor) => findTenancies(host.slug, { limit: 1, cursor }))).map((t) => t.orgName)).toEqual(['Alfa Studio', 'Beta Studio', 'Gamma Studio']);
	});
});
