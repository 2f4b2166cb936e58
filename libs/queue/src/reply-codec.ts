import type { ReplyMessage } from './reply-message';

/** Text of a reply message on the wire (JSON; every field is a string or a small number). */
export function encodeReplyMessage(message: ReplyMessage): string {
  return JSON.stringify(message);
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

const FAILURE_CODES = new Set(['bad-input', 'deadline-passed', 'backend-unavailable', 'internal']);

/**
 * Reads a reply message; `undefined` for anything malformed (a stray publisher on the channel must not crash the
 * producer: the affected request then ends at its deadline).
 */
export function decodeReplyMessage(text: string): ReplyMessage | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  const record = value as Record<string, unknown>;
  if (!isString(record.jobId)) {
    return undefined;
  }
  switch (record.kind) {
    case 'chunk':
      return typeof record.seq === 'number' && isString(record.data)
        ? { kind: 'chunk', jobId: record.jobId, seq: record.seq, data: record.data }
        : undefined;
    case 'done':
      return isString(record.outputsJson)
        ? { kind: 'done', jobId: record.jobId, outputsJson: record.outputsJson }
        : undefined;
    case 'failed':
      return isString(record.code) && FAILURE_CODES.has(record.code) && isString(record.message)
        ? {
            kind: 'failed',
            jobId: record.jobId,
            code: record.code as Extract<ReplyMessage, { kind: 'failed' }>['code'],
            message: record.message,
          }
        : undefined;
    default:
      return undefined;
  }
}
