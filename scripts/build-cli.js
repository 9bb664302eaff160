// Compile the command-line tool (src/cli) to build/cli.js, so `taman start` runs as plain Node:
// without tsx's loader thread it needs ~40 MB less memory and starts faster. bin/taman.js falls
// back to running the TypeScript through tsx when this file is missing or older than the sources.
import { build } from 'esbuild';

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
