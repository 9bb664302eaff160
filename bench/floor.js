// The floor: a bare node:http server running the same SQL as Taman's GET /api/v1/sites, public
// site page, park calendar page and POST /api/v1/bookings, on the same database, with nothing else
// (no framework, no validation library, no i18n, no headers, no policy beyond the SQL).
// Started by bench/run.js with DATABASE_URL and PORT.
import crypto from 'node:crypto';
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

// GET /sites/{slug}/calendar?date=: the site (page load), the site again, its active
// facilities, the day's slot-holding bookings with their bookers, closures and holidays
// (calendar.service.ts), each as Taman runs them.
const SITE_ROW = 'SELECT * FROM site WHERE slug = $1';
const RESOURCES = `SELECT id, name, kind, shared, capacity, always_open FROM resource WHERE site_id = $1 AND active ORDER BY kind, name`;
const BOOKINGS = `
	SELECT b.id, b.resource_id, b.starts_at, b.ends_at, b.status, b.title, b.seats, b.user_id, u.name AS user_name
	FROM booking b JOIN "user" u ON u.id = b.user_id
	WHERE b.site_id = $1 AND b.status IN ('pending','confirmed','checked_in') AND tstzrange(b.starts_at, b.ends_at) && tstzrange($2::timestamptz, $3::timestamptz)
	ORDER BY b.starts_at`;
const BLACKOUTS = 'SELECT id, resource_id, starts_at, ends_at, reason FROM blackout WHERE site_id = $1 AND starts_at < $3 AND ends_at > $2 ORDER BY starts_at';
const HOLIDAYS = 'SELECT day, kind, name_id, name_en, site_id FROM holiday WHERE day >= $2 AND day <= $3 AND (site_id IS NULL OR site_id = $1)';

// POST /api/v1/bookings: the token's user and roles, the facility with its park, its closures,
// the overlap check, then in one transaction the booking, its audit record and the confirmation
// e-mail in the outbox, and the booking read back with its names (booking.service.ts).
const TOKEN = `UPDATE api_token SET last_used_at = now() WHERE token_hash = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now()) RETURNING user_id, scope`;
const USER = 'SELECT * FROM "user" WHERE id = $1';
const ROLES = 'SELECT site_id, role FROM site_role WHERE user_id = $1';
const RESOURCE = `SELECT r.*, s.slug AS site_slug, s.name AS site_name, s.time_zone, s.opening_hours FROM resource r JOIN site s ON s.id = r.site_id WHERE r.id = $1`;
const CLOSURES = 'SELECT starts_at, ends_at, reason FROM blackout WHERE site_id = $1 AND (resource_id IS NULL OR resource_id = $2) AND starts_at < $4 AND ends_at > $3';
const OVERLAP = `SELECT starts_at, ends_at FROM booking WHERE resource_id = $1 AND status IN ('pending','confirmed','checked_in') AND held && $2::tstzrange LIMIT 1`;
const INSERT = `INSERT INTO booking (resource_id, site_id, user_id, title, starts_at, ends_at, held, exclusive, seats, status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, 'confirmed') RETURNING *`;
const AUDIT = `INSERT INTO audit_log (actor_id, actor_label, action, site_id, target_type, target_id, after) VALUES ($1, $2, 'booking.create', $3, 'booking', $4, $5)`;
const OUTBOX = `INSERT INTO outbox (kind, payload) VALUES ('email', $1)`;
const READ_BACK = `
	SELECT b.*, r.name AS resource_name, s.slug AS site_slug, s.time_zone, u.name AS user_name
	FROM booking b JOIN resource r ON r.id = b.resource_id JOIN site s ON s.id = b.site_id JOIN "user" u ON u.id = b.user_id WHERE b.id = ANY($1)`;

const body = (req) =>
	new Promise((resolve) => {
		let text = '';
		req.on('data', (c) => (text += c));
		req.on('end', () => resolve(text));
	});

async function book(req, res) {
	const secret = (req.headers.authorization ?? '').replace(/^Bearer /, '');
	const { rows: [token] } = await pool.query(TOKEN, [crypto.createHash('sha256').update(secret).digest('hex')]);
	if (!token) return res.writeHead(401).end();
	const [{ rows: [me] }, { rows: roles }] = await Promise.all([pool.query(USER, [token.user_id]), pool.query(ROLES, [token.user_id])]);
	const input = JSON.parse(await body(req));
	const start = new Date(input.startsAt);
	const end = new Date(input.endsAt);
	const { rows: [r] } = await pool.query(RESOURCE, [input.resourceId]);
	if (!r || !roles.some((x) => x.site_id === r.site_id)) return res.writeHead(403).end();
	const day = (d) => d.toISOString().slice(0, 10);
	const [{ rows: closures }] = await Promise.all([pool.query(CLOSURES, [r.site_id, r.id, start, end]), pool.query(HOLIDAYS, [r.site_id, day(start), day(end)])]);
	if (closures.length) return res.writeHead(422).end();
	const held = `[${start.toISOString()},${new Date(end.getTime() + r.buffer_minutes * 60000).toISOString()})`;
	if ((await pool.query(OVERLAP, [r.id, held])).rows.length) return res.writeHead(409).end();
	const client = await pool.connect();
	let made;
	try {
		await client.query('BEGIN');
		made = (await client.query(INSERT, [r.id, r.site_id, me.id, input.title ?? '', start, end, held, !r.shared])).rows[0];
		await client.query(AUDIT, [me.id, me.email, r.site_id, made.id, JSON.stringify({ resourceId: r.id, status: 'confirmed', seriesId: null, occurrences: [[start, end]] })]);
		await client.query(OUTBOX, [JSON.stringify({ to: me.email, subject: `Pemesanan dikonfirmasi: ${r.name}`, text: `${r.name}, ${r.site_name}\n${start.toISOString()}`, attachments: [{ filename: 'pemesanan.ics', content: `BEGIN:VCALENDAR\r\nUID:${made.id}\r\nEND:VCALENDAR` }] })]);
		await client.query('COMMIT');
	} catch (e) {
		await client.query('ROLLBACK');
		if (e.code === '23P01') return res.writeHead(409).end();
		throw e;
	} finally {
		client.release();
	}
	const { rows } = await pool.query(READ_BACK, [[made.id]]);
	res.writeHead(201, { 'content-type': 'application/json' });
	return res.end(JSON.stringify({ bookings: rows, free: [{ startsAt: start, endsAt: end }], skipped: [], status: 'confirmed' }));
}

/** The park's day as a list (the calendar's server-rendered part). */
async function calendar(slug, date, res) {
	const sites = await switcher();
	const { rows: [page] } = await pool.query(SITE, [slug]);
	if (!page) return res.writeHead(404).end();
	const { rows: [s] } = await pool.query(SITE_ROW, [slug]);
	// Indonesia has no daylight saving: the park's midnight is a fixed offset from UTC.
	const offset = { 'Asia/Jakarta': '+07:00', 'Asia/Makassar': '+08:00', 'Asia/Jayapura': '+09:00' }[s.time_zone];
	const from = new Date(`${date}T00:00:00${offset}`);
	const to = new Date(from.getTime() + 86_400_000);
	const [{ rows: resources }, { rows: bookings }, { rows: blackouts }, { rows: holidays }] = await Promise.all([
		pool.query(RESOURCES, [s.id]),
		pool.query(BOOKINGS, [s.id, from, to]),
		pool.query(BLACKOUTS, [s.id, from, to]),
		pool.query(HOLIDAYS, [s.id, date, date])
	]);
	const names = new Map(resources.map((r) => [r.id, r.name]));
	const time = (d) => new Date(d.getTime() + (from.getTime() - Date.parse(`${date}T00:00:00Z`)) * -1).toISOString().slice(11, 16);
	res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
	return res.end(
		`<!doctype html><html lang="id"><head><title>Kalender ${esc(s.name)}</title></head><body><nav>${sites.map((x) => `<a href="/sites/${esc(x.slug)}">${esc(x.name)}</a>`).join('')}</nav><main><h1>Kalender ${esc(s.name)}</h1>${holidays.map((h) => `<p>Tutup: ${esc(h.name_id)}</p>`).join('')}<table>${[...bookings, ...blackouts]
			.filter((e) => names.has(e.resource_id) || !e.resource_id)
			.map((e) => `<tr><td>${time(e.starts_at)}–${time(e.ends_at)}</td><td>${esc(e.resource_id ? names.get(e.resource_id) : 'Seluruh kawasan')}</td><td>${esc(e.reason ?? (e.status === 'pending' ? 'Menunggu persetujuan' : 'Terpesan'))}</td></tr>`)
			.join('')}</table></main></body></html>`
	);
}

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
			if (req.method === 'POST' && req.url === '/api/v1/bookings') return await book(req, res);
			const c = /^\/sites\/([a-z0-9-]+)\/calendar\?date=(\d{4}-\d{2}-\d{2})$/.exec(req.url);
			if (c) return await calendar(c[1], c[2], res);
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
