import { isChainError } from '@taonode/chain';
import { runCliAction, type CliOutput } from './cli-output';
import type { CliDeps } from './cli.deps';

/** What the user can do about some chain errors, in CLI terms. */
const CHAIN_HINTS: Partial<Record<string, string>> = {
  TAONODE_CHAIN_TIMEOUT: 'the node did not answer in time; check --subtensor.network / --subtensor.chain_endpoint',
  TAONODE_CHAIN_DISCONNECTED: 'the connection dropped; the transaction may still be included, check before retrying',
  TAONODE_CHAIN_UNREACHABLE: 'is the node running? check --subtensor.network / --subtensor.chain_endpoint',
  TAONODE_CHAIN_RATE_LIMITED: 'the endpoint is rate limiting; retry later or use your own node',
  TAONODE_CHAIN_NOT_REGISTERED: 'register it first: taonode subnet register',
  TAONODE_CHAIN_INVALID_ENDPOINT: 'use finney, test, local, devnet or a ws:// / wss:// URL',
};

/** Payment failures of signers with no account (hotkeys sign serve_axon): say so. */
function hintFor(error: unknown): string | undefined {
  if (!isChainError(error)) {
    return undefined;
  }
  if (error.code === 'TAONODE_CHAIN_INVALID_TRANSACTION' && /pay|payment/i.test(error.message)) {
    return 'the signing account cannot pay the fee (a hotkey needs a small balance to sign)';
  }
  return CHAIN_HINTS[error.code];
}

/**
 * Runs a chain command body with the CLI's error contract: exactly one `error: <message> (<CODE>)`
 * line on stderr, `{"error":{code,message}}` on stdout with `--json`, exit code 1.
 */
export async function runChainAction(
  deps: CliDeps,
  isJson: boolean,
  body: (output: CliOutput) => Promise<void>,
): Promise<void> {
  await runCliAction(deps, isJson, async (output) => {
    try {
      await body(output);
    } catch (error) {
      const hint = hintFor(error);
      if (hint !== undefined && error instanceof Error) {
        error.message = `${error.message}; ${hint}`;
      }
      throw error;
    }
  });
}

/** Bigints as decimal strings, so `--json` output is valid JSON and exact. */
export function jsonSafe(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_, item: unknown) => (typeof item === 'bigint' ? item.toString() : item)));
}
