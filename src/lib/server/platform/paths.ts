import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** Taman's package folder, found upwards from this module whether it runs from src/ or build/. */
export function packageRoot(): string {
	if (root) return root;
	let dir = path.dirname(fileURLToPath(import.meta.url));
	for (let i = 0; i < 8; i++) {
		if (fs.existsSync(path.join(dir, 'drizzle', 'meta', '_journal.json'))) return (root = dir);
		dir = path.dirname(dir);
	}
	return (root = process.cwd());
}
