import { createInterface } from 'node:readline';
import { CliUsageError, PromptCancelledError } from './cli-usage.error';
import type { CliDeps } from './cli.deps';

/** Parsed `--no-prompt` (or one of btcli's aliases): `prompt` is false only when it was given. */
export interface PromptFlags {
  prompt?: boolean;
}

/** What to ask, why it must be asked (for the no-terminal error) and what a "no" means. */
export interface Confirmation {
  question: string;
  /** e.g. "this spends funds". */
  why: string;
  /** e.g. "nothing was submitted". */
  declined: string;
}

/**
 * btcli's "[y/n]" question before something that cannot be undone. `--no-prompt` answers yes. Without a
 * terminal and without `--no-prompt` nothing happens: the command fails with `TAONODE_CLI_USAGE`.
 */
export async function confirmOrRefuse(flags: PromptFlags, deps: CliDeps, confirmation: Confirmation): Promise<void> {
  const { question, why, declined } = confirmation;
  if (flags.prompt === false) {
    return;
  }
  const stdin = deps.stdin();
  if (stdin.isTTY !== true) {
    throw new CliUsageError(`${why} and needs a confirmation, but there is no terminal: pass --no-prompt`);
  }
  const lines = createInterface({ input: stdin, output: deps.stderr, terminal: true });
  try {
    const answer = await new Promise<string>((resolve, reject) => {
      lines.once('close', () => reject(new PromptCancelledError('confirmation cancelled')));
      lines.question(`${question} [y/n]: `, resolve);
    });
    if (!/^y(es)?$/i.test(answer.trim())) {
      throw new PromptCancelledError(`cancelled: ${declined}`);
    }
  } finally {
    lines.removeAllListeners('close');
    lines.close();
  }
}

/** The question before anything that spends. */
export function confirmSpend(flags: PromptFlags, deps: CliDeps, question: string): Promise<void> {
  return confirmOrRefuse(flags, deps, { question, why: 'this spends funds', declined: 'nothing was submitted' });
}
