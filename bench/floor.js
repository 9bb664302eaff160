// The floor: a bare node:http server running the same SQL as Taman's GET /api/v1/sites and public
// site page, on the same database, with nothing else (no framework, no auth, no i18n, no headers).
// Started by bench/run.js with DATABASE_URL and PORT.
import http from 'node:http';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

// GET /api/v1/sites (default page of 50): sites by name with their active tenant count.
const SITES = `
	SELECT s.*, t.n FROM site s
	LEFT JOIN (SELECT site_id, count(*) AS n FROM tenancy WHERE status = 'active' GROUP BY site_id) t ON t.site_id = s.id
	ORDER BY s.name, s.id LIMIT 51`;
// GET /sites/{slug}: the site switcher's list (every page has it), the site with its active
// tenant count, then its tenancies — the three queries Taman runs for this page.
const SWITCHER = 'SELECT id, slug, name FROM site ORDER BY name';
const SITE = `SELECT s.*, (SELECT count(*)::int FROM tenancy t WHERE t.site_id = s.id AND t.status = 'active') AS n FROM site s WHERE slug = $1`;
const TENANTS = `
	SELECT t.id, o.id AS org_id, o.slug, o.name, o.kind, t.starts_on, t.ends_on, t.status
	FROM tenancy t JOIN organization o ON o.id = t.org_id
	WHERE t.site_id = $1 ORDER BY o.name, t.id LIMIT 201`;

const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

// Taman keeps the site switcher's list for 5 s (siteChoices); the floor does the same.
let cached;
const switcher = async () => {
	if (!cached || Date.now() - cached.at > 5000) cached = { at: Date.now(), rows: (await pool.query(SWITCHER)).rows };
	return cached.rows;
};

http
	.createServer(async (req, res) => {
		try {
			if (req.url.startsWith('/api/v1/sites')) {
				const { rows } = await pool.query(SITES);
				res.writeHead(200, { 'content-type': 'application/json' });
				return res.end(JSON.stringify({ items: rows.slice(0, 50), nextCursor: null }));
			}
			const m = /^\/sites\/([a-z0-9-]+)$/.exec(req.url);
			if (m) {
				const sites = await switcher();
				const { rows: [s] } = await pool.query(SITE, [m[1]]);
				if (!s) return res.writeHead(404).end();
				const { rows: tenants } = await pool.query(TENANTS, [s.id]);
				res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
				return res.end(`<!doctype html><html lang="id"><head><title>${esc(s.name)}</title></head><body><nav>${sites.map((x) => `<a href="/sites/${esc(x.slug)}">${esc(x.name)}</a>`).join('')}</nav><main><h1>${esc(s.name)}</h1><p>${esc(s.description)}</p><p>${s.n} tenant</p><ul>${tenants.filter((t) => t.status === 'active').map((t) => `<li><a href="/organizations/${esc(t.slug)}">${esc(t.name)}</a></li>`).join('')}</ul></main></body></html>`);
			}
			res.writeHead(404).end();
		} catch (e) {
			res.writeHead(500).end(String(e));
		}
	})
	.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
