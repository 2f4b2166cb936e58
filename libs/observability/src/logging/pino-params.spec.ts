import { Writable } from 'node:stream';
import pino from 'pino';
import type { Options } from 'pino-http';
import { pinoParams } from './pino-params';

function capture(): { stream: Writable; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { stream, lines };
}

describe('pinoParams', () => {
  const params = pinoParams({ service: 'chain-sync', version: '1.2.3' }, { level: 'info', pretty: false });
  const options = params.pinoHttp as Options;

  it('redacts signatures and key material at the top level and nested', () => {
    const { stream, lines } = capture();
    const logger = pino({ level: options.level, base: options.base, redact: options.redact }, stream);
    logger.info(
      { signature: '0xfeed', request: { seed: 'seed-words', signature: '0xbeef' }, job: { wallet: { mnemonic: 'm' } } },
      'signed',
    );
    const line = lines.join('');
    for (const secret of ['0xfeed', 'seed-words', '0xbeef', '"m"']) {
      expect(line).not.toContain(secret);
    }
    expect(JSON.parse(line)).toMatchObject({ signature: '[redacted]', request: { seed: '[redacted]' } });
  });

  it('stamps service, version and instance on every line', () => {
    const { stream, lines } = capture();
    pino({ base: options.base }, stream).info('hello');
    const line = JSON.parse(lines.join('')) as Record<string, unknown>;
    expect(line).toMatchObject({ service: 'chain-sync', version: '1.2.3', msg: 'hello' });
    expect(line.instance).toMatch(/:\d+$/);
  });

  it('pretty-prints only when asked to (dev/test), JSON otherwise', () => {
    expect(options.transport).toBeUndefined();
    const pretty = pinoParams({ service: 's' }, { level: 'debug', pretty: true }).pinoHttp as Options;
    expect(pretty.transport).toMatchObject({ target: 'pino-pretty' });
  });
});
