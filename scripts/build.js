// `npm run build`: the web app (vite build; extra arguments go to vite, e.g. --logLevel warn),
// then the command-line tool compiled to build/cli.js, so `taman start` runs as plain Node:
// without tsx's loader thread it needs ~40 MB less memory and starts faster. bin/taman.js falls
// back to running the TypeScript through tsx when build/cli.js is missing or older than the sources.
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';

const vite = spawnSync('npx', ['vite', 'build', ...process.argv.slice(2)], { stdio: 'inherit' });
if (vite.status !== 0) process.exit(vite.status ?? 1);

await build({
	entryPoints: ['src/cli/main.ts'],
	outfile: 'build/cli.js',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20.19',
	packages: 'external',
	sourcemap: 'linked',
	logLevel: 'warning'
});
