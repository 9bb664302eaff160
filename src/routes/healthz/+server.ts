import type { RequestHandler } from './$types';

/** The process is up. */
export const GET: RequestHandler = () => new Response(JSON.stringify({ status: 'ok' }), { headers: { 'content-type': 'application/json' } });
