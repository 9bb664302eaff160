import { sql } from 'drizzle-orm';
import { site } from '../directory/schema.ts';
import { NETWORK } from '../../network.ts';

/**
 * Who runs a programme, for queries that left-join `site` on `programme.site_id`: the park, or
 * the network itself when the programme has no park.
 */
export const host = {
	siteSlug: sql<string>`coalesce(${site.slug}, ${NETWORK.slug})`,
	siteName: sql<string>`coalesce(${site.name}, ${NETWORK.name})`,
	timeZone: sql<string>`coalesce(${site.timeZone}, ${NETWORK.timeZone})`
};
