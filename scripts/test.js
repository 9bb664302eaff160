// `npm test`: every test Taman has, failing on the first tier that fails.
//   1. types (svelte-check over TypeScript strict, Svelte components included)
//   2. unit + service tests (vitest; PostgreSQL: embedded, or TEST_DATABASE_URL when set),
//      including the check that Bahasa Indonesia and English have the same message keys
//   3. browser tests (Playwright driving the system Chromium against a fresh `taman start`):
//      flows, the API over HTTP, process lifecycle, accessibility (axe)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function run(cmd, args, env = {}) {
	console.log(`\n▶ ${cmd} ${args.join(' ')}`);
	const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	if (r.status !== 0) process.exit(r.status ?? 1);
}

run('npx', ['svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings', '--output', 'human']);
run('npx', ['vitest', 'run']);

if (!fs.existsSync(CHROMIUM)) {
	console.error(`\n✗ Browser tests need Chromium at ${CHROMIUM}, and it is not there.
  Install it from Debian's packages:   sudo apt-get install -y chromium
  (or set CHROMIUM_PATH). Playwright never downloads a browser of its own here.`);
	process.exit(1);
}
run('node', ['scripts/build.js', '--logLevel', 'warn']);
run('npx', ['playwright', 'test'], { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' });
