import type { roles } from '../directory/schema.ts';

export type Role = (typeof roles)[number];

export interface RoleGrant {
	siteId: string | null;
	role: Role;
}

/**
 * Who is acting. `scope` is 'write' for browser sessions; API tokens carry their own scope and a
 * read-scoped token can never change anything.
 */
export type Actor =
	| {
			kind: 'user';
			userId: string;
			email: string;
			name: string;
			locale: string;
			timeZone: string;
			emailVerified: boolean;
			roles: RoleGrant[];
			scope: 'read' | 'write';
			via: 'session' | 'token';
	  }
	| { kind: 'anonymous' }
	| { kind: 'system' };

export type UserActor = Extract<Actor, { kind: 'user' }>;

export const anonymous: Actor = { kind: 'anonymous' };
export const system: Actor = { kind: 'system' };

export function isNetworkAdmin(actor: Actor): boolean {
	return actor.kind === 'system' || (actor.kind === 'user' && actor.roles.some((r) => r.role === 'network_admin'));
}

export function rolesAt(actor: Actor, siteId: string): Role[] {
	if (actor.kind !== 'user') return [];
	return actor.roles.filter((r) => r.siteId === siteId).map((r) => r.role);
}
