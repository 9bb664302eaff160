import pino from 'pino';
import { readConfig } from './config.ts';

/** One structured logger; request handlers derive children carrying the request id. */
export const log = pino({ level: readConfig().logLevel, base: { app: 'taman' } });
