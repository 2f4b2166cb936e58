import type { Command } from 'commander';
import {
  decodeWeightsPayload,
  decryptTimelocked,
  DRAND_QUICKNET,
  TimelockError,
  verifyPulse,
  type WeightsPayload,
} from '@taonode/timelock';
import { hexToBytes, ss58Encode } from '@taonode/wallet';
import { jsonSafe } from '../../cli/chain-action';
import { runCliAction, type CliOutput } from '../../cli/cli-output';
import type { CliDeps } from '../../cli/cli.deps';
import { renderTable } from '../../cli/table.util';
import { parseIndex } from '../subnet/netuid.option';

interface DecryptCommitFlags {
  ciphertext: string;
  signature: string;
  round?: number;
  beaconKey?: string;
  json?: boolean;
}

function report(output: CliOutput, payload: WeightsPayload, round: number | undefined): void {
  const hotkey = payload.format === 'v4' ? ss58Encode(payload.hotkey) : undefined;
  if (output.isJson) {
    output.json(
      jsonSafe({
        format: payload.format,
        ...(round === undefined ? {} : { round }),
        ...(payload.format === 'v4' ? { hotkey, hotkeyHex: `0x${Buffer.from(payload.hotkey).toString('hex')}` } : {}),
        uids: payload.uids,
        values: payload.values,
        versionKey: payload.versionKey,
      }),
    );
    return;
  }
  output.line(
    payload.format === 'v4'
      ? 'Timelocked commit (v4 WeightsTlockPayload)'
      : 'Timelocked commit (legacy v3 payload, no hotkey)',
  );
  if (round !== undefined) {
    output.line(`round:        ${round}`);
  }
  if (hotkey !== undefined) {
    output.line(`hotkey:       ${hotkey}`);
  }
  output.line(`version key:  ${payload.versionKey.toString()}`);
  output.line(`weights:      ${payload.uids.length}`);
  if (payload.uids.length !== payload.values.length) {
    // The chain refuses this at reveal (WeightVecNotEqualSize); show what is there anyway.
    output.line(`warning: ${payload.uids.length} uids but ${payload.values.length} values; the chain will refuse it`);
  }
  const rows = payload.uids.map((uid, index) => [String(uid), String(payload.values[index] ?? '')]);
  if (rows.length > 0) {
    for (const line of renderTable(['UID', 'WEIGHT(u16)'], rows, [true, true])) {
      output.line(line);
    }
  }
}

/**
 * `taonode weights decrypt-commit --ciphertext 0x… --signature 0x… [--round N]`: opens a timelocked weights commit
 * (the bytes of `TimelockedWeightCommits`) with a drand round's signature, exactly as the chain will at reveal,
 * and prints the payload. With `--round` the signature is first checked to be the beacon's signature of that
 * round, so "wrong round" and "not this commit's round" are told apart. Offline: nothing is read from a chain.
 */
export function registerWeightsDecryptCommitCommand(weights: Command, deps: CliDeps): void {
  weights
    .command('decrypt-commit')
    .description('open a timelocked weights commit with a drand round signature and show its weights')
    .requiredOption('--ciphertext <hex>', 'the commit bytes (hex, as stored on chain)')
    .requiredOption('--signature <hex>', "the drand pulse's signature for the commit's reveal round (hex)")
    .option('--round <round>', 'the round the signature belongs to; checked against the beacon key', parseIndex)
    .option('--beacon-key <hex>', "the beacon's public key for --round (default: drand quicknet)")
    .option('--json', 'print JSON')
    .action((flags: DecryptCommitFlags) =>
      runCliAction(deps, flags.json === true, (output) => {
        const ciphertext = hexToBytes(flags.ciphertext, '--ciphertext');
        const signature = hexToBytes(flags.signature, '--signature');
        if (flags.round !== undefined) {
          const publicKey =
            flags.beaconKey === undefined ? DRAND_QUICKNET.publicKey : hexToBytes(flags.beaconKey, '--beacon-key');
          if (!verifyPulse(publicKey, flags.round, signature)) {
            throw new TimelockError(
              'TAONODE_TIMELOCK_INVALID_SIGNATURE',
              `the signature is not the beacon's signature of round ${flags.round}`,
            );
          }
        }
        report(output, decodeWeightsPayload(decryptTimelocked(ciphertext, signature)), flags.round);
        return Promise.resolve();
      }),
    );
}
