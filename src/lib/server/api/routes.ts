import { z } from 'zod';
import { zCreateSite, zUpdateSite, zCreateOrg, zUpdateOrg, zAddMember, zCreateTenancy, zInvite, zUpdateProfile, zDirectoryQuery } from '../../schemas/directory.ts';
import { zCreateToken } from '../auth/tokens.service.ts';
import { zAuditQuery } from '../platform/audit.service.ts';
import type { Role } from '../auth/actor.ts';

/**
 * Every route of /api/v1, in one table. It produces the OpenAPI document, and the authorization
 * matrix test checks each route against each role — a route missing here fails that test.
 *
 * `allow` says who succeeds: 'anyone', 'signed_in', or the roles that succeed at their own site
 * ('site' routes) / anywhere ('network_admin' always succeeds).
 */
export interface ApiRoute {
	method: 'get' | 'post' | 'patch' | 'delete';
	path: string;
	summary: string;
	tag: string;
	allow: 'anyone' | 'signed_in' | 'org_admin' | 'self' | Role[];
	body?: z.ZodType;
	query?: z.ZodObject;
	list?: boolean;
}

const site = 'Sites';
const org = 'Organisations';

export const apiRoutes: ApiRoute[] = [
	{ method: 'get', path: '/sites', summary: 'List the parks of the network', tag: site, allow: 'anyone', list: true },
	{ method: 'post', path: '/sites', summary: 'Create a park', tag: site, allow: ['network_admin'], body: zCreateSite },
	{ method: 'get', path: '/sites/{site}', summary: 'A park by id or slug', tag: site, allow: 'anyone' },
	{ method: 'patch', path: '/sites/{site}', summary: 'Update a park', tag: site, allow: ['site_manager'], body: zUpdateSite },
	{ method: 'get', path: '/sites/{site}/tenancies', summary: 'Tenancies at a park', tag: site, allow: 'anyone', list: true },
	{ method: 'get', path: '/sites/{site}/roles', summary: 'Role holders and pending invitations at a park', tag: 'Roles', allow: ['site_manager', 'site_staff'] },
	{ method: 'post', path: '/sites/{site}/invitations', summary: 'Invite someone to a role at a park (sends an e-mail)', tag: 'Roles', allow: ['site_manager'], body: zInvite },
	{ method: 'delete', path: '/roles/{id}', summary: 'Revoke a role', tag: 'Roles', allow: ['site_manager'] },
	{ method: 'post', path: '/tenancies', summary: 'Record that an organisation is a tenant of a park', tag: site, allow: ['site_manager', 'site_staff'], body: zCreateTenancy },
	{ method: 'get', path: '/organizations', summary: 'Search the Penta Helix directory', tag: org, allow: 'anyone', query: zDirectoryQuery, list: true },
	{ method: 'post', path: '/organizations', summary: 'Register an organisation (you become its admin)', tag: org, allow: 'signed_in', body: zCreateOrg },
	{ method: 'get', path: '/organizations/{org}', summary: 'An organisation with members and tenancies', tag: org, allow: 'anyone' },
	{ method: 'patch', path: '/organizations/{org}', summary: 'Update an organisation', tag: org, allow: 'org_admin', body: zUpdateOrg },
	{ method: 'post', path: '/organizations/{org}/members', summary: 'Add a member by e-mail', tag: org, allow: 'org_admin', body: zAddMember },
	{ method: 'delete', path: '/organizations/{org}/members/{userId}', summary: 'Remove a member', tag: org, allow: 'org_admin' },
	{ method: 'get', path: '/people', summary: 'Public profiles', tag: 'People', allow: 'anyone', list: true },
	{ method: 'get', path: '/people/{id}', summary: 'A public profile', tag: 'People', allow: 'anyone' },
	{ method: 'get', path: '/me', summary: 'My profile, roles and organisations', tag: 'Me', allow: 'signed_in' },
	{ method: 'patch', path: '/me', summary: 'Update my profile and privacy choices', tag: 'Me', allow: 'signed_in', body: zUpdateProfile },
	{ method: 'get', path: '/me/export', summary: 'All my data (UU PDP), machine-readable', tag: 'Me', allow: 'signed_in' },
	{ method: 'get', path: '/tokens', summary: 'My API tokens', tag: 'Me', allow: 'signed_in' },
	{ method: 'post', path: '/tokens', summary: 'Create an API token (the secret is returned once)', tag: 'Me', allow: 'signed_in', body: zCreateToken },
	{ method: 'delete', path: '/tokens/{id}', summary: 'Revoke one of my API tokens', tag: 'Me', allow: 'self' },
	{ method: 'get', path: '/audit', summary: 'Audit records (?site= for one park)', tag: 'Audit', allow: ['site_manager'], query: zAuditQuery, list: true },
	{ method: 'get', path: '/openapi.json', summary: 'This document', tag: 'Meta', allow: 'anyone' }
];
