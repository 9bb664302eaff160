import { AsyncLocalStorage } from 'node:async_hooks';

/** Per-request values reachable from services without threading them through every call. */
export interface RequestContext {
	requestId: string;
	/** The language chosen for this request; server-rendered messages read it. */
	locale: 'id' | 'en';
}

export const requestContext = new AsyncLocalStorage<RequestContext>();

export function currentRequestId(): string | undefined {
	return requestContext.getStore()?.requestId;
}

/** The language of the current request (what its errors will be translated into); 'id' outside one. */
export function currentLocale(): 'id' | 'en' {
	return requestContext.getStore()?.locale ?? 'id';
}
