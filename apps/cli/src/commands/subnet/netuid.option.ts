import { InvalidArgumentError, type Command } from 'commander';

/** Parses a netuid (u16). */
export function parseNetuid(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) {
    throw new InvalidArgumentError('expected a subnet id (0..65535)');
  }
  return parsed;
}

/** Parses a non-negative integer (uid, block number). */
export function parseIndex(value: string): number {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < 0) {
    throw new InvalidArgumentError('expected a non-negative integer');
  }
  return parsed;
}

/** `--netuid <n>` (required), as btcli. */
export function addNetuidOption(command: Command): Command {
  return command.requiredOption('--netuid <netuid>', 'subnet id', parseNetuid);
}
