#!/usr/bin/env node
// Completes package-lock.json with the platform-specific optional packages (rollup, tailwind oxide,
// lix, jco) that the registry mirror this project is built against does not carry for every
// platform. Without their entries, `npm install` writes a lockfile that `npm ci` then rejects
// ("Missing: @rollup/rollup-darwin-x64@ from lock file"). Each added entry records the exact
// version its parent pins and the os/cpu/libc read from the package name, so npm skips it on
// every machine it does not fit, exactly as it would with a lockfile made against the full registry.
//
// Run after changing dependencies: `npm run lock`.
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const packages = lock.packages;

const OS = ['android', 'darwin', 'freebsd', 'linux', 'openbsd', 'openharmony', 'win32'];
const CPU = [
	['x64', 'x64'],
	['arm64', 'arm64'],
	['ia32', 'ia32'],
	['loong64', 'loong64'],
	['ppc64', 'ppc64'],
	['riscv64', 'riscv64'],
	['s390x', 's390x'],
	['wasm32', 'wasm32'],
	['arm', 'arm']
];

/** Reads os, cpu and libc from a platform package name such as `rollup-linux-arm64-musl`. */
function platformOf(name) {
	const parts = name.split('/').pop().split('-');
	const os = OS.find((o) => parts.includes(o));
	const cpu = CPU.find(([token]) => parts.some((p) => p === token || p.startsWith(token)))?.[1];
	if (!cpu) return null;
	const entry = { cpu: [cpu] };
	if (os) entry.os = [os];
	if (os === 'linux') {
		if (parts.some((p) => p.startsWith('musl'))) entry.libc = ['musl'];
		else if (parts.some((p) => p.startsWith('gnu'))) entry.libc = ['glibc'];
	}
	return entry;
}

let added = 0;
for (const [path, pkg] of Object.entries(packages)) {
	for (const [name, version] of Object.entries(pkg.optionalDependencies ?? {})) {
		if (packages[`node_modules/${name}`] || packages[`${path}/node_modules/${name}`]) continue;
		if (!/^\d+\.\d+\.\d+/.test(version)) continue;
		const platform = platformOf(name);
		if (!platform) continue;
		const fields = { ...platform, ...(pkg.dev ? { dev: true } : {}), optional: true };
		// npm writes `version` first and the other fields in alphabetical order.
		packages[`node_modules/${name}`] = {
			version,
			...Object.fromEntries(Object.entries(fields).sort(([a], [b]) => a.localeCompare(b)))
		};
		added++;
	}
}

lock.packages = Object.fromEntries(
	Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b)))
);
writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log(`package-lock.json: ${added} platform package entr${added === 1 ? 'y' : 'ies'} added`);
