import { m } from '$lib/paraglide/messages';

type Msg = (i?: Record<string, never>) => string;
const cat = m as unknown as Record<string, Msg>;

/** Person-facing names of enum values, from the message catalogue. */
export const label = (prefix: 'site_kind' | 'org_kind' | 'role' | 'tenancy_status' | 'weekday' | 'resource_kind' | 'booking_status' | 'condition' | 'maintenance_kind' | 'bookable_by', value: string) => cat[`${prefix}_${value}`]?.() ?? value;
