import { PromptCancelledError } from './cli-usage.error';

const ENTER = new Set(['\r', '\n']);
const CTRL_C = '\u0003';
const CTRL_D = '\u0004';
const CTRL_U = '\u0015';
const BACKSPACE = new Set(['\u007f', '\b']);

/**
 * Reads lines from a terminal without echo: the terminal is put in raw mode *before* the question is written,
 * so nothing typed is ever echoed. Keystrokes that arrive after Enter are kept for the next question.
 */
export class TtyPasswordPrompt {
  private pending = '';

  constructor(
    private readonly input: NodeJS.ReadStream,
    private readonly output: NodeJS.WritableStream,
  ) {}

  static isInteractive(input: NodeJS.ReadStream): boolean {
    return input.isTTY === true && typeof input.setRawMode === 'function';
  }

  /** Asks `question` and returns the hidden answer (no trimming: spaces are legitimate password characters). */
  async ask(question: string): Promise<string> {
    this.input.setRawMode(true);
    this.input.setEncoding('utf8');
    this.output.write(question);
    try {
      return await this.readLine();
    } finally {
      this.input.setRawMode(false);
      this.input.pause();
      this.output.write('\n');
    }
  }

  private readLine(): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      let line = '';
      const cleanup = (): void => {
        this.input.off('data', onData);
        this.input.off('end', onEnd);
      };
      const consume = (text: string): boolean => {
        for (let index = 0; index < text.length; index += 1) {
          const character = text.charAt(index);
          if (ENTER.has(character)) {
            // A "\r\n" pair is one Enter.
            const skip = character === '\r' && text.charAt(index + 1) === '\n' ? 2 : 1;
            this.pending = text.slice(index + skip);
            cleanup();
            resolve(line);
            return true;
          }
          if (character === CTRL_C || (character === CTRL_D && line === '')) {
            cleanup();
            reject(new PromptCancelledError('password entry cancelled'));
            return true;
          }
          if (BACKSPACE.has(character)) {
            line = line.slice(0, -1);
          } else if (character === CTRL_U) {
            line = '';
          } else if (character >= ' ') {
            line += character;
          }
        }
        return false;
      };
      const onData = (chunk: string | Buffer): void => {
        consume(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
      };
      const onEnd = (): void => {
        cleanup();
        reject(new PromptCancelledError('input closed before a password was entered'));
      };
      const buffered = this.pending;
      this.pending = '';
      if (consume(buffered)) {
        return;
      }
      this.input.on('data', onData);
      this.input.on('end', onEnd);
      this.input.resume();
    });
  }
}
