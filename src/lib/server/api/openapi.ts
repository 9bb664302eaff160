import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { apiRoutes } from './routes.ts';

const problem = z.object({
	type: z.string(),
	title: z.string(),
	status: z.number().int(),
	code: z.string().optional(),
	requestId: z.string().optional(),
	errors: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })).optional()
});

let cached: object | undefined;

/** OpenAPI 3.1, generated from the route table and the same zod schemas that validate input. */
export function openApiDocument(origin: string): object {
	if (cached) return cached;
	const r = new OpenAPIRegistry();
	r.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', description: 'Personal API token (tmn_…), created at /account/tokens or with `npx taman token create`.' });
	const problemRef = problem;
	const page = z.object({ limit: z.coerce.number().int().min(1).max(200).optional(), cursor: z.string().optional(), format: z.enum(['json', 'csv', 'xlsx']).optional() });
	for (const route of apiRoutes) {
		const params = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
		const errors = Object.fromEntries(
			[
				[400, 'Malformed request (for example invalid JSON)'],
				[401, 'Not signed in / no valid token'],
				[403, 'Not allowed (the denial is audited)'],
				[404, 'Not found'],
				[409, 'Conflict (for example a taken slug)'],
				[422, 'Invalid input: `errors` names each field']
			]
				.filter(([code]) => !(route.hidden && code === 403))
				.map(([code, description]) => [code, { description: String(description), content: { 'application/problem+json': { schema: problemRef } } }])
		);
		r.registerPath({
			method: route.method,
			path: `/api/v1${route.path}`,
			summary: route.summary,
			tags: [route.tag],
			security: route.allow === 'anyone' ? [] : [{ bearer: [] }],
			request: {
				params: params.length ? z.object(Object.fromEntries(params.map((p) => [p, z.string()]))) : undefined,
				query: route.list ? (route.query ? route.query.extend(page.shape) : page) : route.query,
				body: route.body
					? {
							content: route.pdf && route.body instanceof z.ZodObject
								? { 'multipart/form-data': { schema: route.body.extend({ file: z.string().meta({ format: 'binary', description: 'A PDF (checked by its first bytes), within the field\'s size limit' }) }) } }
								: {
								'application/json': { schema: route.body },
								...(route.evidence ? { 'multipart/form-data': { schema: z.object({ file: z.string().meta({ format: 'binary', description: 'A PDF, JPEG, PNG or WebP (checked by its first bytes), at most 10 MB' }) }) } } : {}),
								...(route.photo && route.body instanceof z.ZodObject ? { 'multipart/form-data': { schema: route.body.extend({ photo: z.string().meta({ format: 'binary', description: 'JPEG, PNG or WebP, at most 5 MB (checked by its first bytes)' }).optional() }) } } : {})
								}
						}
					: undefined
			},
			responses: {
				[route.ok ?? (route.method === 'post' ? 201 : route.method === 'delete' ? 204 : 200)]: {
					description: route.list ? 'A page of items: `{ items, nextCursor }`, or a CSV/XLSX download with `format`' : 'OK'
				},
				...errors
			}
		});
	}
	cached = new OpenApiGeneratorV31(r.definitions).generateDocument({
		openapi: '3.1.0',
		info: { title: 'Taman API', version: '1.0.0', description: 'Virtual Technopark API. Errors are RFC 9457 problem+json in the language of Accept-Language (id, en).' },
		servers: [{ url: origin }]
	});
	return cached;
}
