import { defineConfig } from '@playwright/test';
import os from 'node:os';
import path from 'node:path';

const PORT = 3210;
const dataDir = path.join(os.tmpdir(), `taman-e2e-${process.pid}`);

export default defineConfig({
	testDir: 'e2e',
	timeout: 60_000,
	workers: 1,
	reporter: [['list']],
	use: {
		baseURL: `http://localhost:${PORT}`,
		// Browse as an Indonesian visitor; Accept-Language decides a visitor's language.
		locale: 'id-ID',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
		}
	},
	webServer: {
		// A fresh data folder each run: first start creates the database and loads the demo network.
		command: `rm -rf ${dataDir} && node bin/taman.js start`,
		url: `http://localhost:${PORT}/healthz`,
		timeout: 120_000,
		reuseExistingServer: false,
		env: { PORT: String(PORT), ORIGIN: `http://localhost:${PORT}`, TAMAN_DATA_DIR: dataDir, TAMAN_DEMO: '1', LOG_LEVEL: 'warn' },
		gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 }
	}
});
