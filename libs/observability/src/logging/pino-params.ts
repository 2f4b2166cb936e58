import type { IncomingMessage } from 'node:http';
import { hostname } from 'node:os';
import type { Params } from 'nestjs-pino';
import { stdSerializers } from 'pino';
import type { LogConfig } from '@taonode/config';
import { REDACTED, redactSecrets } from './redact';

/** Routes polled by probes and scrapers: never worth a request log line. */
const QUIET_ROUTES: ReadonlySet<string> = new Set(['/health', '/ready', '/metrics']);

/**
 * Paths pino replaces with "[redacted]" after serialization: the request headers pino-http logs. Everything a
 * caller passes to a log method is redacted before that, at any depth, by {@link redactLogArguments}.
 */
export const REDACTED_PATHS: readonly string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["bt_header_dendrite_signature"]',
  'req.headers["bt_header_axon_signature"]',
];

/**
 * A log call's arguments with secret-keyed values and URL credentials redacted (message and format args too).
 * Bindings of `logger.child({...})` do not pass through here (pino serialises them once, at creation): give a
 * child only non-secret context.
 */
export function redactLogArguments(args: readonly unknown[]): unknown[] {
  return args.map((arg) => redactSecrets(arg));
}

/**
 * pino's error serializer, then the same redaction: error messages and stacks can quote URLs with credentials.
 * The serialized error (and each serialized cause) has pino's own prototype, which the redaction does not walk, so
 * it is re-read as plain JSON first.
 */
export function redactedErrorSerializer(error: Error): unknown {
  return redactSecrets(JSON.parse(JSON.stringify(stdSerializers.err(error))) as unknown);
}

export interface LoggerOptions {
  /** Service name, a base field of every line (`chain-sync`). */
  readonly service: string;
  readonly version?: string;
  /**
   * One log line (and a child logger) per HTTP request; default on. A public endpoint answering thousands of
   * requests a second (the axon gateway) turns it off and counts requests in its metrics instead.
   */
  readonly requestLogs?: boolean;
}

/** nestjs-pino parameters: JSON lines with base fields `service`, `version`, `instance`; pretty only in dev/test. */
export function pinoParams(options: LoggerOptions, log: LogConfig): Params {
  return {
    pinoHttp: {
      level: log.level,
      base: { service: options.service, version: options.version, instance: `${hostname()}:${process.pid}` },
      redact: { paths: [...REDACTED_PATHS], censor: REDACTED },
      serializers: { err: redactedErrorSerializer },
      hooks: {
        logMethod(args, method) {
          method.apply(this, redactLogArguments(args) as Parameters<typeof method>);
        },
      },
      autoLogging: { ignore: (req: IncomingMessage) => QUIET_ROUTES.has(req.url ?? '') },
      transport: log.pretty
        ? { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l' } }
        : undefined,
    },
    // No routes: the request-logging middleware is not installed at all.
    ...(options.requestLogs === false ? { forRoutes: [] } : {}),
  };
}
