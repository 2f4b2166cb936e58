import { performance } from 'node:perf_hooks';
import { base58Decode } from '@polkadot/util-crypto';
import { toChainError } from '@taonode/chain';
import { hotkeyPublicKey, parseRequestHeaders, TextGeneration } from '@taonode/protocol';
import type { BenchResult, BenchRow } from './bench-result';

/**
 * Hostile inputs that used to cost quadratic time (issue 7), timed through today's code and through the pattern
 * the code used before, reproduced here only as the reference. Each is rejected with a typed error now.
 */
const OLD_PYDANTIC_FLOAT = /^[+-]?(?:inf|infinity|nan|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)$/i;
const OLD_ASCII_TRIM = /^[\t\n\v\f\r ]+|[\t\n\v\f\r ]+$/g;
const OLD_NOT_FOUND = /(block|header|state).*(not found|unknown|pruned|discarded)|unknown block/i;

function millisecondsOf(run: () => unknown, repetitions: number): number {
  const times: number[] = [];
  for (let index = 0; index < repetitions; index++) {
    const started = performance.now();
    try {
      run();
    } catch {
      // Rejection is the expected outcome; only its cost is measured.
    }
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

function row(input: string, now: () => unknown, before: () => unknown): BenchRow {
  return {
    input,
    'ms now (median of 5)': Number(millisecondsOf(now, 5).toFixed(2)),
    'ms with the old pattern (1 run)': Number(millisecondsOf(before, 1).toFixed(1)),
  };
}

export default function hostileInputBench(): BenchResult {
  const digits = '1'.repeat(32_000);
  const spaced = `1${' '.repeat(32_000)}1`;
  const hotkey = 'z'.repeat(16 * 1024);
  const rpcMessage = `-32000: ${'block'.repeat(20_000)}`;
  return {
    rows: [
      row(
        'body float field: 32,000 digits then "x"',
        () => TextGeneration.validate({ prompt: 'p', max_tokens: 1, temperature: `${digits}x`, seed: 1 }),
        () => OLD_PYDANTIC_FLOAT.test(`${digits}x`),
      ),
      row(
        'nonce header: digits around 32,000 spaces',
        () => parseRequestHeaders({ bt_header_dendrite_nonce: spaced }),
        () => spaced.replace(OLD_ASCII_TRIM, ''),
      ),
      row(
        'hotkey header: 16 KiB of base58 ("zzz…")',
        () => hotkeyPublicKey(hotkey),
        () => base58Decode(hotkey),
      ),
      row(
        'chain RPC error message: 100 KB repeating "block"',
        () => toChainError(new Error(rpcMessage), 'read'),
        () => OLD_NOT_FOUND.test(rpcMessage),
      ),
    ],
    notes: [
      'Each "now" input is refused (typed ProtocolError / classified ChainError) after a linear scan or a length bound.',
      'The old hotkey path base58-decoded the whole header before any length check; now the 48-character bound refuses it first.',
    ],
  };
}
