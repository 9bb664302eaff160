import type { Actor } from '$lib/server/auth/actor';

declare global {
	namespace App {
		interface Locals {
			actor: Actor;
			locale: 'id' | 'en';
			requestId: string;
			theme: 'light' | 'dark' | '';
		}
		interface Error {
			message: string;
			requestId?: string;
		}
	}
}

export {};
