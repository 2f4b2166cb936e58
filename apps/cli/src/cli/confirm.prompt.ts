import { createInterface } from 'node:readline';
import { CliUsageError, PromptCancelledError } from './cli-usage.error';
import type { CliDeps } from './cli.deps';

/** Parsed `--no-prompt`: `prompt` is false only when it was given. */
export interface PromptFlags {
  prompt?: boolean;
}

/**
 * btcli's "Do you want to continue? [y/n]" before anything that spends. `--no-prompt` answers yes. Without a
 * terminal and without `--no-prompt` nothing is spent: the command fails with `CLI_USAGE`.
 */
export async function confirmSpend(flags: PromptFlags, deps: CliDeps, question: string): Promise<void> {
  if (flags.prompt === false) {
    return;
  }
  const stdin = deps.stdin();
  if (stdin.isTTY !== true) {
    throw new CliUsageError('this spends funds and needs a confirmation, but there is no terminal: pass --no-prompt');
  }
  const lines = createInterface({ input: stdin, output: deps.stderr, terminal: true });
  try {
    const answer = await new Promise<string>((resolve, reject) => {
      lines.once('close', () => reject(new PromptCancelledError('confirmation cancelled')));
      lines.question(`${question} [y/n]: `, resolve);
    });
    if (!/^y(es)?$/i.test(answer.trim())) {
      throw new PromptCancelledError('cancelled: nothing was submitted');
    }
  } finally {
    lines.removeAllListeners('close');
    lines.close();
  }
}
