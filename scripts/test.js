// `npm test`: every test Taman has, failing on the first tier that fails.
//   1. unit + service tests (vitest; PostgreSQL: embedded, or TEST_DATABASE_URL when set)
//   2. browser tests (Playwright driving the system Chromium against a fresh `taman start`)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function run(cmd, args, env = {}) {
	console.log(`\n▶ ${cmd} ${args.join(' ')}`);
	const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	if (r.status !== 0) process.exit(r.status ?? 1);
}

run('npx', ['vitest', 'run']);

if (!fs.existsSync(CHROMIUM)) {
	console.error(`\n✗ Browser tests need Chromium at ${CHROMIUM}, and it is not there.
  Install it from Debian's packages:   sudo apt-get install -y chromium
  (or set CHROMIUM_PATH). Playwright never downloads a browser of its own here.`);
	process.exit(1);
}
run('npx', ['vite', 'build', '--logLevel', 'warn']);
run('npx', ['playwright', 'test'], { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' });
