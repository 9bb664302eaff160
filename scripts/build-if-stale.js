// Build before `npm start` when the build is missing or older than any source file.
import fs from 'node:fs';
import { execSync } from 'node:child_process';
import { newest } from './newest.js';

const stamp = 'build/handler.js';
const sources = ['src', 'messages', 'static', 'vite.config.ts', 'package.json'].filter((p) => fs.existsSync(p));
const built = fs.existsSync(stamp) ? fs.statSync(stamp).mtimeMs : 0;
if (Math.max(...sources.map(newest)) > built) {
	console.log('Building Taman (first start or sources changed) …');
	execSync('node scripts/build.js --logLevel warn', { stdio: 'inherit' });
}
