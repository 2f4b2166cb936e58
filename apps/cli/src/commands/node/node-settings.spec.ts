import { DEFAULT_LOG_ROTATION } from '@taonode/process';
import { CliUsageError } from '../../cli/cli-usage.error';
import { resolveNodeSettings, type NodeFlags } from './node-settings';

const base: NodeFlags = { netuid: '1', 'subtensor.chain_endpoint': 'ws://127.0.0.1:9944' };

describe('resolveNodeSettings: logging', () => {
  it('rotates at the SDK defaults when nothing is given', () => {
    const settings = resolveNodeSettings(['miner'], base, {});
    expect(settings.logRotation).toEqual(DEFAULT_LOG_ROTATION);
    expect(settings.loggingDir).toBeUndefined();
    expect(settings.logLevel).toBe('info');
  });

  it('takes flags over the environment over the defaults', () => {
    const env = { LOGGING_MAX_BYTES: '2048', LOGGING_MAX_FILES: '3', LOGGING_DIR: '/var/log/x', LOGGING_DEBUG: 'true' };
    expect(resolveNodeSettings(['validator'], base, env)).toMatchObject({
      logRotation: { maxBytes: 2048, maxFiles: 3 },
      loggingDir: '/var/log/x',
      logLevel: 'debug',
    });
    const flags: NodeFlags = { ...base, 'logging.max_bytes': '4096', 'logging.max_files': '0', 'logging.trace': true };
    expect(resolveNodeSettings(['validator'], flags, env)).toMatchObject({
      logRotation: { maxBytes: 4096, maxFiles: 0 },
      logLevel: 'trace',
    });
  });

  it.each([
    ['logging.max_bytes', '100'],
    ['logging.max_bytes', '1.5k'],
    ['logging.max_files', '-1'],
    ['logging.max_files', '1001'],
  ] as const)('refuses --%s %s as a usage error', (flag, value) => {
    expect(() => resolveNodeSettings(['miner'], { ...base, [flag]: value }, {})).toThrow(CliUsageError);
  });
});
