// Build before `npm start` when the build is missing or older than any source file.
import fs from 'node:fs';
import path from 'node:path';
import { execSync } from 'node:child_process';

const stamp = 'build/handler.js';
function newest(p) {
	const st = fs.statSync(p);
	if (!st.isDirectory()) return st.mtimeMs;
	let t = 0;
	for (const e of fs.readdirSync(p)) if (e !== 'paraglide') t = Math.max(t, newest(path.join(p, e)));
	return t;
}
const sources = ['src', 'messages', 'static', 'vite.config.ts', 'package.json'].filter((p) => fs.existsSync(p));
const built = fs.existsSync(stamp) ? fs.statSync(stamp).mtimeMs : 0;
if (Math.max(...sources.map(newest)) > built) {
	console.log('Building Taman (first start or sources changed) …');
	execSync('npx vite build --logLevel warn && node scripts/build-cli.js', { stdio: 'inherit' });
}
