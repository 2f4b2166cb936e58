import type { IncomingMessage } from 'node:http';
import { hostname } from 'node:os';
import type { Params } from 'nestjs-pino';
import type { LogConfig } from '@taonode/config';

/** Routes polled by probes and scrapers: never worth a request log line. */
const QUIET_ROUTES: ReadonlySet<string> = new Set(['/health', '/ready', '/metrics']);

/**
 * Paths pino replaces with "[redacted]". Signatures and key material must never reach a log, whichever object
 * carries them (pino paths are one level deep per wildcard, so the usual nestings are listed).
 */
export const REDACTED_PATHS: readonly string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["bt_header_dendrite_signature"]',
  'req.headers["bt_header_axon_signature"]',
  ...['signature', 'seed', 'mnemonic', 'privateKey', 'secretKey', 'secretPhrase', 'password'].flatMap((key) => [
    key,
    `*.${key}`,
    `*.*.${key}`,
  ]),
];

export interface LoggerOptions {
  /** Service name, a base field of every line (`chain-sync`). */
  readonly service: string;
  readonly version?: string;
}

/** nestjs-pino parameters: JSON lines with base fields `service`, `version`, `instance`; pretty only in dev/test. */
export function pinoParams(options: LoggerOptions, log: LogConfig): Params {
  return {
    pinoHttp: {
      level: log.level,
      base: { service: options.service, version: options.version, instance: `${hostname()}:${process.pid}` },
      redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' },
      autoLogging: { ignore: (req: IncomingMessage) => QUIET_ROUTES.has(req.url ?? '') },
      transport: log.pretty
        ? { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l' } }
        : undefined,
    },
  };
}
