import { Writable } from 'node:stream';
import pino from 'pino';
import type { Options } from 'pino-http';
import { pinoParams } from './pino-params';
import { REDACTED } from './redact';

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
  const productionLogger = (stream: Writable) =>
    pino(
      {
        level: options.level,
        base: options.base,
        redact: options.redact,
        hooks: options.hooks,
        serializers: options.serializers,
      },
      stream,
    );

  it('redacts signatures and key material at the top level and nested', () => {
    const { stream, lines } = capture();
    const logger = productionLogger(stream);
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

  it('redacts secretSeed, secrets nested three levels and deeper, and URL credentials in fields and messages', () => {
    const { stream, lines } = capture();
    const logger = productionLogger(stream);
    logger.info(
      {
        secretSeed: '0xseed1',
        job: { wallet: { hotkey: { secretSeed: '0xseed2', keyfile: { privateKey: '0xkey3' } } } },
        redisUrl: 'redis://:hunter2@redis:6379',
      },
      'connecting to %s',
      'redis://user:hunter3@redis:6379',
    );
    logger.child({ service: 'x' }).warn('reconnecting via rediss://:hunter5@r:6380');
    const text = lines.join('');
    for (const secret of ['0xseed1', '0xseed2', '0xkey3', 'hunter2', 'hunter3', 'hunter5']) {
      expect(text).not.toContain(secret);
    }
    const [first, second] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(first).toMatchObject({
      secretSeed: REDACTED,
      job: { wallet: { hotkey: { secretSeed: REDACTED, keyfile: { privateKey: REDACTED } } } },
      redisUrl: 'redis://:[redacted]@redis:6379',
      msg: 'connecting to redis://user:[redacted]@redis:6379',
    });
    expect(second).toMatchObject({ msg: 'reconnecting via rediss://:[redacted]@r:6380' });
  });

  it('redacts URL credentials inside logged errors, keeping their type and message', () => {
    const { stream, lines } = capture();
    const cause = new Error('ECONNREFUSED redis://:hunter7@redis:6379');
    productionLogger(stream).error(
      { err: new TypeError('cannot reach redis://:hunter6@redis:6379', { cause }) },
      'failed',
    );
    expect(lines.join('')).not.toMatch(/hunter6|hunter7/);
    expect(JSON.parse(lines.join(''))).toMatchObject({
      err: {
        type: 'TypeError',
        message: expect.stringMatching(/^cannot reach redis:\/\/:\[redacted\]@redis:6379/) as unknown,
      },
    });
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
