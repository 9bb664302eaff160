#!/usr/bin/env node
// Entry of `npx taman`. Runs the compiled CLI (build/cli/main.js, made by `npm run build`) when it is
// newer than its sources; otherwise the TypeScript sources through tsx (a runtime dependency).
import fs from 'node:fs';
import path from 'node:path';
import { newest } from '../scripts/newest.js';

const root = path.resolve(import.meta.dirname, '..');
const compiled = path.join(root, 'build/cli/main.js');

let main;
if (fs.existsSync(compiled) && fs.statSync(compiled).mtimeMs >= Math.max(...['src/cli', 'src/lib/server', 'src/lib/schemas'].map((d) => newest(path.join(root, d))))) {
	({ main } = await import(compiled));
} else {
	const { register } = await import('tsx/esm/api');
	register();
	({ main } = await import('../src/cli/main.ts'));
}
await main(process.argv.slice(2));
