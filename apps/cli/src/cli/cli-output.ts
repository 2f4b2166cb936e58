import { isWalletError } from '@taonode/wallet';
import type { CliDeps } from './cli.deps';

/** Human text on stdout, or one JSON document with `--json` (the only thing on stdout then). */
export class CliOutput {
  constructor(
    private readonly deps: CliDeps,
    readonly isJson: boolean,
  ) {}

  line(text = ''): void {
    this.deps.stdout.write(`${text}\n`);
  }

  json(value: unknown): void {
    this.deps.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }
}

/** What the user can do about some errors, in CLI terms (the library's messages speak API). */
const CLI_HINTS: Partial<Record<string, string>> = {
  TAONODE_WALLET_FILE_EXISTS: 'pass --overwrite to replace them',
};

function errorCode(error: unknown): string | undefined {
  if (isWalletError(error)) {
    return error.code;
  }
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return undefined;
}

/**
 * Runs a command body; any failure becomes exactly one `error: <message> (<CODE>)` line on stderr (plus
 * `{"error":{code,message}}` on stdout with `--json`) and exit code 1. Messages never carry secrets.
 */
export async function runCliAction(
  deps: CliDeps,
  isJson: boolean,
  body: (output: CliOutput) => Promise<void>,
): Promise<void> {
  const output = new CliOutput(deps, isJson);
  try {
    await body(output);
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/gu, ' ');
    const code = errorCode(error);
    const hint = code === undefined ? undefined : CLI_HINTS[code];
    const text = hint === undefined ? message : `${message}; ${hint}`;
    deps.stderr.write(`error: ${text}${code === undefined ? '' : ` (${code})`}\n`);
    if (isJson) {
      output.json({ error: { code: code ?? 'UNKNOWN', message } });
    }
    process.exitCode = 1;
  }
}
