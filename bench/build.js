// Shared by the benchmarks that run the built server.
import fs from 'node:fs';
import path from 'node:path';
import { newest } from '../scripts/newest.js';

/** The repository's root. */
export const root = path.resolve(import.meta.dirname, '..');

/**
 * Stop unless build/ is newer than the sources: a stale build/cli.js makes `taman start` fall
 * back to tsx, which alone costs ~40 MB more and would be measured instead of what `npm start` runs.
 */
export function requireCurrentBuild() {
	const cli = path.join(root, 'build/cli.js');
	const sourcesChanged = Math.max(...['src', 'messages'].map((d) => newest(path.join(root, d))));
	if (!fs.existsSync(path.join(root, 'build/handler.js')) || !fs.existsSync(cli) || fs.statSync(cli).mtimeMs < sourcesChanged) {
		console.error('No current build: run `npm run build` first.');
		process.exit(1);
	}
}
