import { InvalidArgumentError, type Command } from 'commander';
import {
  ALL_WEIGHTS_STRATEGIES,
  describeWeightsOutcome,
  submitWeights,
  type WeightsAttempt,
  type WeightsOutcome,
  type WeightsOutcomeKind,
} from '@taonode/chain';
import type { ErrorKind } from '@taonode/errors';
import { TaonodeError } from '@taonode/errors';
import { jsonSafe, runChainAction } from '../../cli/chain-action';
import { withChainSession } from '../../cli/chain-session';
import { CliUsageError } from '../../cli/cli-usage.error';
import type { CliDeps } from '../../cli/cli.deps';
import { confirmOrRefuse, type PromptFlags } from '../../cli/confirm.prompt';
import type { PasswordFlags } from '../../cli/password.options';
import { addWalletChainOptions, type WalletChainFlags } from '../../cli/wallet-chain.options';
import { unlockHotkey, walletFromFlags } from '../../cli/wallet-keys';
import { addNetuidOption } from '../subnet/netuid.option';

interface WeightsSetFlags extends WalletChainFlags, PasswordFlags, PromptFlags {
  netuid: number;
  uids: number[];
  weights: number[];
  versionKey?: bigint;
  dryRun?: boolean;
}

/** Outcomes that put (or would put) weights on chain; every other kind ends the command with an error line. */
const SUCCESS_KINDS: ReadonlySet<WeightsOutcomeKind> = new Set([
  'set',
  'committed',
  'revealed',
  'timelocked-committed',
  'dry-run',
]);

/** How each failed outcome is reported (its error kind for the CLI's exit contract). */
const FAILURE_KIND: Readonly<Record<WeightsOutcomeKind, ErrorKind>> = {
  set: 'internal',
  committed: 'internal',
  revealed: 'internal',
  'timelocked-committed': 'internal',
  'dry-run': 'internal',
  'too-soon': 'resource-exhausted',
  outdated: 'failed-precondition',
  'priority-too-low': 'resource-exhausted',
  'not-registered': 'failed-precondition',
  'no-validator-permit': 'permission-denied',
  'commit-reveal-required': 'unimplemented',
  'invalid-weights': 'invalid-argument',
  timeout: 'deadline-exceeded',
  rejected: 'failed-precondition',
};

/** A weights attempt that did not put weights on chain, with its typed outcome as the code. */
class WeightsNotSetError extends TaonodeError {
  override readonly name = 'WeightsNotSetError';
  readonly code: string;
  readonly kind: ErrorKind;

  constructor(readonly outcome: WeightsOutcome) {
    super(describeWeightsOutcome(outcome));
    this.code = `TAONODE_WEIGHTS_${outcome.kind.toUpperCase().replace(/-/g, '_')}`;
    this.kind = FAILURE_KIND[outcome.kind];
  }
}

/** A comma- (or space-) separated list of numbers, each checked by `parse`. */
function listOf(parse: (text: string) => number, what: string): (value: string) => number[] {
  return (value) => {
    const items = value
      .split(/[\s,]+/)
      .map((item) => item.trim())
      .filter((item) => item.length > 0);
    if (items.length === 0) {
      throw new InvalidArgumentError(`expected a comma-separated list of ${what}`);
    }
    return items.map(parse);
  };
}

function parseUid(text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value > 65535) {
    throw new InvalidArgumentError(`"${text}" is not a uid (0..65535)`);
  }
  return value;
}

function parseWeight(text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0) {
    throw new InvalidArgumentError(`"${text}" is not a finite, non-negative weight`);
  }
  return value;
}

function parseVersionKey(text: string): bigint {
  if (!/^\d+$/.test(text) || BigInt(text) >= 2n ** 64n) {
    throw new InvalidArgumentError('expected a u64 version key');
  }
  return BigInt(text);
}

function report(
  flags: WeightsSetFlags,
  attempt: WeightsAttempt,
  output: { isJson: boolean; line(text: string): void; json(value: unknown): void },
): void {
  const { outcome } = attempt;
  if (output.isJson) {
    output.json(jsonSafe({ netuid: flags.netuid, path: attempt.path ?? null, outcome }));
    return;
  }
  output.line(`${describeWeightsOutcome(outcome)} (subnet ${flags.netuid}, path ${attempt.path ?? 'unknown'})`);
  if (outcome.kind === 'committed') {
    // Without the salt the commit can never be revealed: the operator must keep it.
    output.line(
      `reveal with: uids ${outcome.reveal.weights.uids.join(',')} values ${outcome.reveal.weights.values.join(',')} salt ${outcome.reveal.salt.join(',')} version_key ${outcome.reveal.versionKey}`,
    );
  }
}

/**
 * `taonode weights set --netuid N --uids 1,2 --weights 0.3,0.7`: btcli's `set_weights` with the weight-setter's
 * processing and path (libs/chain `submitWeights`): `process_weights_for_netuid`, u16 conversion, the subnet's
 * `WeightsVersionKey`, and direct set, hash commit or timelocked commit as the chain requires. Signed by the wallet's hotkey. Prints
 * one line with the typed outcome; any outcome other than set/committed/dry-run is an error (exit code 1).
 */
export function registerWeightsSetCommand(weights: Command, deps: CliDeps): void {
  const command = weights.command('set').description("set the hotkey's weights on a subnet");
  addNetuidOption(command);
  command
    .requiredOption('--uids <uids>', 'comma-separated uids', listOf(parseUid, 'uids'))
    .requiredOption(
      '--weights <weights>',
      'comma-separated weights, one per uid (any scale)',
      listOf(parseWeight, 'weights'),
    )
    .option('--version-key <key>', "version key (default: the subnet's WeightsVersionKey)", parseVersionKey)
    .option('--dry-run', 'check and process, submit nothing');
  addWalletChainOptions(command, { password: true, prompt: true });
  command.action((flags: WeightsSetFlags) =>
    runChainAction(deps, flags.json === true, async (output) => {
      if (flags.uids.length !== flags.weights.length) {
        throw new CliUsageError(`--uids has ${flags.uids.length} entries but --weights has ${flags.weights.length}`);
      }
      const wallet = walletFromFlags(flags, deps);
      const hotkey = await unlockHotkey(wallet, flags, deps);
      await withChainSession(flags, deps, async (session) => {
        if (flags.dryRun !== true) {
          await confirmOrRefuse(flags, deps, {
            question: `Set weights on subnet ${flags.netuid} for uids ${flags.uids.join(',')} with hotkey ${hotkey.ss58Address}?`,
            why: 'this submits a transaction',
            declined: 'nothing was submitted',
          });
        }
        const attempt = await session.progress(
          `${flags.dryRun === true ? 'Checking' : 'Setting'} weights on subnet ${flags.netuid}`,
          () =>
            submitWeights(
              { client: session.client, submitter: session.submitter, hotkey },
              flags.netuid,
              { uids: flags.uids, scores: flags.weights },
              {
                strategies: ALL_WEIGHTS_STRATEGIES,
                dryRun: flags.dryRun === true,
                versionKey: flags.versionKey,
                waitFor: 'inBlock',
              },
            ),
        );
        if (!SUCCESS_KINDS.has(attempt.outcome.kind)) {
          throw new WeightsNotSetError(attempt.outcome);
        }
        report(flags, attempt, output);
      });
    }),
  );
}
