// `npm run build`: the web app (vite build; extra arguments go to vite, e.g. --logLevel warn),
// then the command-line tool compiled to build/cli/main.js, so `taman start` runs as plain Node:
// without tsx's loader thread it needs ~40 MB less memory and starts faster. bin/taman.js falls
// back to running the TypeScript through tsx when build/cli/main.js is missing or older than the
// sources. Split into chunks: each command loads only what it imports (`start` serves the web app
// from build/server and would otherwise keep a second copy of every service as source in memory).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { build } from 'esbuild';

const vite = spawnSync('npx', ['vite', 'build', ...process.argv.slice(2)], { stdio: 'inherit' });
if (vite.status !== 0) process.exit(vite.status ?? 1);

fs.rmSync('build/cli', { recursive: true, force: true });
await build({
	entryPoints: { main: 'src/cli/main.ts' },
	outdir: 'build/cli',
	chunkNames: 'chunks/[name]-[hash]',
	bundle: true,
	splitting: true,
	platform: 'node',
	format: 'esm',
	target: 'node20.19',
	packages: 'external',
	sourcemap: 'linked',
	logLevel: 'warning'
});
