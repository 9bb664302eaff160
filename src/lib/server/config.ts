import path from 'node:path';

/** Every setting Taman reads from the environment, in one place (documented in the README). */
export interface Config {
	/** External PostgreSQL; when unset Taman runs its embedded server in `dataDir`. */
	databaseUrl: string | undefined;
	dataDir: string;
	port: number;
	/** Public origin, e.g. https://taman.example.go.id — used in e-mail links and cookie security. */
	origin: string;
	smtpUrl: string | undefined;
	mailFrom: string;
	/** Demo mode shows demo accounts on the sign-in page and enables /dev/mail. */
	demo: boolean;
	authSecret: string | undefined;
	logLevel: string;
	/** Run the outbox worker inside the web process (default) or only via `taman worker`. */
	inProcessWorker: boolean;
	/** Where online mentoring sessions get their rooms (a Jitsi Meet server). */
	jitsiUrl: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
	const port = Number(env.PORT ?? 3000);
	const origin = (env.ORIGIN || `http://localhost:${port}`).replace(/\/$/, '');
	return {
		databaseUrl: env.DATABASE_URL || undefined,
		dataDir: path.resolve(env.TAMAN_DATA_DIR ?? './data'),
		port,
		origin,
		smtpUrl: env.SMTP_URL || undefined,
		mailFrom: env.MAIL_FROM ?? 'Taman <no-reply@taman.local>',
		demo: env.TAMAN_DEMO ? env.TAMAN_DEMO !== '0' : !env.DATABASE_URL || env.NODE_ENV !== 'production',
		authSecret: env.AUTH_SECRET || undefined,
		logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'warn' : 'info'),
		inProcessWorker: env.TAMAN_WORKER !== 'off',
		jitsiUrl: (env.JITSI_URL || 'https://meet.jit.si').replace(/\/$/, '')
	};
}
