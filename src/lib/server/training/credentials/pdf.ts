import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import { formatDate, type Locale } from '../../../i18n/format.ts';
import { m } from '../../../paraglide/messages.js';
import type { IssuedCredential } from './credential.service.ts';

/** The standard PDF fonts cover Latin-1 (and a few marks): anything else is dropped rather than failing. */
const safe = (s: string) => s.normalize('NFKC').replace(/[^\x20-\x7E\u00A0-\u00FF\u2013\u2014\u2018\u2019\u201C\u201D\u2022\u2026]/g, '');

function centred(page: PDFPage, text: string, y: number, font: PDFFont, size: number, color = rgb(0.1, 0.1, 0.12)) {
	const t = safe(text);
	page.drawText(t, { x: (page.getWidth() - font.widthOfTextAtSize(t, size)) / 2, y, size, font, color });
}

/** Lines of at most `width` points. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of safe(text).split(/\s+/)) {
		const next = line ? `${line} ${word}` : word;
		if (font.widthOfTextAtSize(next, size) > width && line) {
			lines.push(line);
			line = word;
		} else line = next;
	}
	if (line) lines.push(line);
	return lines;
}

/**
 * A printable certificate (A4 landscape) in Bahasa Indonesia or English: holder, course, issuer,
 * dates, criteria and evidence, SKKNI units, a QR code of the verification page, and an empty
 * box where an electronic seal (BSrE) can be applied. The PDF is a view; the signed credential is
 * what verifies.
 */
export async function certificatePdf(c: IssuedCredential, locale: Locale): Promise<Uint8Array> {
	const o = { locale };
	const pdf = await PDFDocument.create();
	pdf.setTitle(safe(`${m.credential_pdf_heading({}, o)} — ${c.courseTitle} — ${c.name}`));
	pdf.setCreator('Taman — Virtual Technopark Indonesia');
	const page = pdf.addPage([841.89, 595.28]);
	const [regular, bold] = await Promise.all([pdf.embedFont(StandardFonts.Helvetica), pdf.embedFont(StandardFonts.HelveticaBold)]);
	const green = rgb(0.02, 0.37, 0.27);
	page.drawRectangle({ x: 24, y: 24, width: 793.89, height: 547.28, borderColor: green, borderWidth: 3 });

	const doc = c.document as { credentialSubject: { achievement: { criteria?: { narrative?: string }; alignment?: { targetCode?: string; targetName: string; targetFramework?: string }[] } }; evidence?: { narrative?: string }[] };
	centred(page, c.issuerName, 520, bold, 16, green);
	centred(page, m.credential_pdf_heading({}, o).toUpperCase(), 470, bold, 30);
	centred(page, m.credential_pdf_awarded({}, o), 435, regular, 13);
	centred(page, c.name, 400, bold, 26);
	centred(page, m.credential_pdf_for({}, o), 372, regular, 13);
	centred(page, c.courseTitle, 342, bold, 20, green);
	const dates = `${m.credential_pdf_issued({ date: formatDate(c.validFrom, locale) }, o)}${c.validUntil ? ` · ${m.credential_pdf_until({ date: formatDate(c.validUntil, locale) }, o)}` : ''}`;
	centred(page, dates, 318, regular, 11);

	let y = 288;
	const left = 70;
	const width = 520;
	const criteria = doc.credentialSubject.achievement.criteria?.narrative ?? '';
	const evidence = doc.evidence?.[0]?.narrative ?? '';
	for (const [title, text] of [[m.credential_pdf_criteria({}, o), criteria], [m.credential_pdf_evidence({}, o), evidence]] as const) {
		if (!text) continue;
		page.drawText(safe(title), { x: left, y, size: 10, font: bold });
		y -= 14;
		for (const l of wrap(text, regular, 10, width)) {
			page.drawText(l, { x: left, y, size: 10, font: regular });
			y -= 13;
		}
		y -= 6;
	}
	const units = (doc.credentialSubject.achievement.alignment ?? []).filter((a) => a.targetFramework === 'SKKNI');
	if (units.length) {
		page.drawText(safe(m.credential_pdf_skkni({}, o)), { x: left, y, size: 10, font: bold });
		y -= 14;
		for (const u of units.slice(0, 6)) {
			for (const l of wrap(`${u.targetCode} — ${u.targetName}`, regular, 9, width)) {
				page.drawText(l, { x: left, y, size: 9, font: regular });
				y -= 12;
			}
		}
	}

	// The QR code of the verification page, drawn as vector squares.
	const qr = QRCode.create(c.url, { errorCorrectionLevel: 'M' });
	const n = qr.modules.size;
	const side = 120;
	const cell = side / n;
	const qx = 650;
	const qy = 150;
	page.drawRectangle({ x: qx - 6, y: qy - 6, width: side + 12, height: side + 12, color: rgb(1, 1, 1) });
	for (let r = 0; r < n; r++) for (let col = 0; col < n; col++) if (qr.modules.get(r, col)) page.drawRectangle({ x: qx + col * cell, y: qy + side - (r + 1) * cell, width: cell, height: cell, color: rgb(0, 0, 0) });
	for (const [i, l] of wrap(m.credential_pdf_verify({}, o), regular, 8, 150).entries()) page.drawText(l, { x: qx - 6, y: qy - 20 - i * 10, size: 8, font: regular });
	// The address has no spaces to wrap at: cut it where the line is full.
	const address = safe(c.url.replace(/^https?:\/\//, ''));
	const lines: string[] = [''];
	for (const ch of address) {
		if (regular.widthOfTextAtSize(lines.at(-1)! + ch, 6.5) > 150) lines.push('');
		lines[lines.length - 1] += ch;
	}
	for (const [i, l] of lines.entries()) page.drawText(l, { x: qx - 6, y: qy - 45 - i * 8, size: 6.5, font: regular });

	// Room for an electronic seal from the government signing service.
	page.drawRectangle({ x: 650, y: 290, width: 132, height: 80, borderColor: rgb(0.6, 0.6, 0.6), borderWidth: 0.75, borderDashArray: [3, 3] });
	for (const [i, l] of wrap(m.credential_pdf_seal({}, o), regular, 7, 120).entries()) page.drawText(l, { x: 656, y: 356 - i * 9, size: 7, font: regular, color: rgb(0.45, 0.45, 0.45) });

	if (c.revokedAt) centred(page, m.credential_pdf_revoked({}, o).toUpperCase(), 60, bold, 18, rgb(0.7, 0.1, 0.1));
	return pdf.save();
}
