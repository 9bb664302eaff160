import crypto from 'node:crypto';

/** SHA-256 of a text or bytes, as hex: file fingerprints and stored hashes of secret tokens. */
export const sha256 = (data: string | Uint8Array) => crypto.createHash('sha256').update(data).digest('hex');

const signatures = {
	'application/pdf': (b: Uint8Array) => b.byteLength > 5 && Buffer.from(b.subarray(0, 5)).toString('latin1') === '%PDF-',
	'image/jpeg': (b: Uint8Array) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
	'image/png': (b: Uint8Array) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47,
	'image/webp': (b: Uint8Array) => String.fromCharCode(...b.slice(0, 4)) === 'RIFF' && String.fromCharCode(...b.slice(8, 12)) === 'WEBP'
};
export type FileKind = keyof typeof signatures;

/** What a file is by its first bytes, never by its name or claimed type (a renamed HTML page is nothing). */
export function fileKind(b: Uint8Array): FileKind | null {
	for (const [kind, test] of Object.entries(signatures)) if (test(b)) return kind as FileKind;
	return null;
}
