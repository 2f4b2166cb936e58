import { spawn } from 'node:child_process';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
const CLI_ENTRY = path.join(REPO_ROOT, 'bin', 'taonode.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The test's environment without any wallet/password variables that could leak in from the developer's shell. */
export function cleanEnv(home: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(WALLET_|BT_WALLET_|BT_PW_)/u.test(key)) {
      env[key] = value;
    }
  }
  return { ...env, HOME: home, ...extra };
}

/** Runs `node bin/taonode.js …` with stdin a pipe (never a TTY) that carries `stdin`, if given, then closes. */
export function runCli(args: string[], env: NodeJS.ProcessEnv, stdin?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_ENTRY, ...args], {
      cwd: REPO_ROOT,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    // Ended at once when there is nothing to send: the CLI sees a closed pipe, never a terminal.
    child.stdin.on('error', () => undefined);
    child.stdin.end(stdin);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export interface PtyExchange {
  /** Text the program prints before it reads the answer. */
  waitFor: string;
  /** Keystrokes to send (Enter is added). */
  send: string;
}

export interface PtyResult {
  code: number | null;
  /** Everything the terminal showed (stdout and stderr interleaved, CRLF line ends). */
  screen: string;
}

/**
 * Runs the CLI inside a real pseudo-terminal via util-linux `script`, answering prompts as they appear.
 * Answers are sent only after the prompt is on screen, i.e. after the CLI switched the terminal to raw mode,
 * so any echo seen on screen would be the CLI's fault.
 */
export function runCliInPty(args: string[], env: NodeJS.ProcessEnv, exchanges: PtyExchange[]): Promise<PtyResult> {
  const command = [process.execPath, CLI_ENTRY, ...args].map(shellQuote).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      cwd: REPO_ROOT,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let screen = '';
    let consumed = 0;
    let next = 0;
    const answerPrompts = (): void => {
      const exchange = exchanges[next];
      if (exchange === undefined) {
        return;
      }
      const found = screen.indexOf(exchange.waitFor, consumed);
      if (found === -1) {
        return;
      }
      consumed = found + exchange.waitFor.length;
      next += 1;
      child.stdin.write(`${exchange.send}\r`);
      answerPrompts();
    };
    child.stdout.on('data', (chunk: Buffer) => {
      screen += chunk.toString('utf8');
      answerPrompts();
    });
    child.stderr.on('data', (chunk: Buffer) => (screen += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      child.stdin.destroy();
      if (next < exchanges.length) {
        reject(new Error(`prompt "${exchanges[next]?.waitFor ?? ''}" never appeared; screen:\n${screen}`));
        return;
      }
      resolve({ code, screen });
    });
  });
}
