// Usage: node shot.mjs email path out.png [width]
import { chromium } from '@playwright/test';
const [email, path, out, width] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage({ locale: 'id-ID', viewport: { width: Number(width ?? 1280), height: 900 } });
const base = 'http://localhost:3300';
if (email !== '-') {
	await page.goto(base + '/signin');
	await page.fill('input[name=email]', email);
	await page.fill('input[name=password]', 'taman-demo-2026');
	await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/signin')), page.click('form button.btn')]);
}
await page.goto(base + path);
await page.screenshot({ path: out, fullPage: true });
console.log(await page.title());
await browser.close();
