import { decodeReplyMessage, encodeReplyMessage } from './reply-codec';
import type { ReplyMessage } from './reply-message';

describe('reply message codec', () => {
  it.each<ReplyMessage>([
    { kind: 'chunk', jobId: 'j', seq: 3, data: 'tok' },
    { kind: 'done', jobId: 'j', outputsJson: '{"dummy_output":8}' },
    { kind: 'failed', jobId: 'j', code: 'bad-input', message: 'prompt too long' },
  ])('round-trips a $kind message', (message) => {
    expect(decodeReplyMessage(encodeReplyMessage(message))).toEqual(message);
  });

  it.each([
    'not json',
    'null',
    '[]',
    '{"kind":"done","outputsJson":"{}"}',
    '{"kind":"chunk","jobId":"j","data":"x"}',
    '{"kind":"failed","jobId":"j","code":"whatever","message":"m"}',
    '{"kind":"other","jobId":"j"}',
  ])('ignores a malformed message %s instead of throwing', (text) => {
    expect(decodeReplyMessage(text)).toBeUndefined();
  });
});
