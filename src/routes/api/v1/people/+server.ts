import { api, list, pageOf } from '$lib/server/http/api';
import { findPeople, type PublicPerson } from '$lib/server/directory/people.service';

const columns = [
	{ key: 'id', header: 'id', value: (p: PublicPerson) => p.id },
	{ key: 'name', header: 'name', value: (p: PublicPerson) => p.name }
];

export const GET = api(async (e) => list(e, await findPeople(e.url.searchParams.get('q') ?? undefined, pageOf(e)), columns, 'people'));
