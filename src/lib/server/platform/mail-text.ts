import { m } from '../../paraglide/messages.js';
import type { EmailPayload } from './outbox.ts';

import { asLocale as loc } from '../../i18n/format.ts';

/** E-mails in the recipient's language, from the message catalogue like every other text. */
export function mailText(locale: string, kind: 'invitation', p: { to: string; link: string; site: string; role: string; inviter: string }): EmailPayload;
export function mailText(locale: string, kind: 'verify' | 'reset', p: { to: string; link: string; name: string }): EmailPayload;
export function mailText(locale: string, kind: string, p: Record<string, string>): EmailPayload {
	const o = { locale: loc(locale) };
	switch (kind) {
		case 'invitation': {
			const role = (m as unknown as Record<string, (i?: object, o?: object) => string>)[`role_${p.role}`]?.({}, o) ?? p.role;
			return { to: p.to!, subject: m.mail_invitation_subject({ site: p.site!, role }, o), text: m.mail_invitation_body({ inviter: p.inviter!, site: p.site!, role, link: p.link! }, o) };
		}
		case 'verify':
			return { to: p.to!, subject: m.mail_verify_subject({}, o), text: m.mail_verify_body({ name: p.name!, link: p.link! }, o) };
		case 'reset':
			return { to: p.to!, subject: m.mail_reset_subject({}, o), text: m.mail_reset_body({ name: p.name!, link: p.link! }, o) };
	}
	throw new Error(`unknown mail ${kind}`);
}
