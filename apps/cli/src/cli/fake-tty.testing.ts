import { PassThrough } from 'node:stream';

export interface FakeTty {
  input: NodeJS.ReadStream;
  output: PassThrough & { text: () => string };
  /** Terminal events in order: `raw:on`, `raw:off`, `write:<text>`. */
  events: string[];
  type: (keys: string) => void;
}

/** An in-memory terminal: stdin that claims to be a TTY and records raw-mode switches and prompt writes. */
export function fakeTty(isTTY = true): FakeTty {
  const events: string[] = [];
  const stdin = new PassThrough();
  const input = Object.assign(stdin, {
    isTTY,
    setRawMode(mode: boolean) {
      events.push(mode ? 'raw:on' : 'raw:off');
      return input;
    },
  }) as unknown as NodeJS.ReadStream;
  let written = '';
  const output = Object.assign(new PassThrough(), { text: () => written });
  output.on('data', (chunk: Buffer) => {
    written += chunk.toString('utf8');
    events.push(`write:${chunk.toString('utf8')}`);
  });
  return { input, output, events, type: (keys) => stdin.write(keys) };
}
