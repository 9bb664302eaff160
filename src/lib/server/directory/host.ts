import { sql } from 'drizzle-orm';
import { site } from './schema.ts';
import { NETWORK } from '../../network.ts';
import { getSiteRow } from './site.service.ts';

/**
 * Who runs a programme or a course, for queries that left-join `site` on its `site_id`: the
 * park, or the network itself when it has no park.
 */
export const host = {
	siteSlug: sql<string>`coalesce(${site.slug}, ${NETWORK.slug})`,
	siteName: sql<string>`coalesce(${site.name}, ${NETWORK.name})`,
	timeZone: sql<string>`coalesce(${site.timeZone}, ${NETWORK.timeZone})`
};

/** The park meant by an id or slug, or null for the network's own (`jaringan`). Unknown parks are 404. */
export async function hostOf(siteIdOrSlug: string): Promise<string | null> {
	return siteIdOrSlug === NETWORK.slug ? null : (await getSiteRow(siteIdOrSlug)).id;
}
