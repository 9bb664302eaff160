import fs from 'node:fs';
import path from 'node:path';

/** The newest modification time under `p` (a file or a folder), skipping generated Paraglide output. */
export function newest(p) {
	const st = fs.statSync(p);
	if (!st.isDirectory()) return st.mtimeMs;
	let t = 0;
	for (const e of fs.readdirSync(p)) if (e !== 'paraglide') t = Math.max(t, newest(path.join(p, e)));
	return t;
}
