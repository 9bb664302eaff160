/**
 * The network itself, where it stands in for a park: programmes the network runs (a ministry's
 * national call) have no park, are managed by network admins, are reached under the reserved
 * park slug `jaringan`, and keep the capital's time (WIB) for their calls and dates.
 */
export const NETWORK = { slug: 'jaringan', name: 'Virtual Technopark Indonesia', timeZone: 'Asia/Jakarta' } as const;
