import { PassThrough } from 'node:stream';
import { OutputLines } from './output-lines';

describe('OutputLines', () => {
  it('joins lines split across chunks, from every stream, and flushes a last line without a newline', async () => {
    const [stdout, stderr] = [new PassThrough(), new PassThrough()];
    const output = new OutputLines([stdout, null, stderr]);
    const heard: string[] = [];
    output.onLine((line) => heard.push(line));
    stdout.write('devnet: listen');
    stdout.write('ing on ws://127.0.0.1:1\nsecond');
    stderr.write('warning\n');
    stdout.end(' line');
    await new Promise((resolve) => stdout.once('end', resolve));
    expect(heard).toEqual(['devnet: listening on ws://127.0.0.1:1', 'warning', 'second line']);
  });

  it('keeps only the most recent lines', async () => {
    const stream = new PassThrough();
    const output = new OutputLines([stream], 3);
    stream.end('1\n2\n3\n4\n5\n');
    await new Promise((resolve) => stream.once('end', resolve));
    expect(output.recent).toEqual(['3', '4', '5']);
  });

  it('stops calling a listener once it unsubscribes', async () => {
    const stream = new PassThrough();
    const output = new OutputLines([stream]);
    const heard: string[] = [];
    const stop = output.onLine((line) => heard.push(line));
    stream.write('a\n');
    await new Promise((resolve) => setImmediate(resolve));
    stop();
    stream.end('b\n');
    await new Promise((resolve) => stream.once('end', resolve));
    expect(heard).toEqual(['a']);
    expect(output.recent).toEqual(['a', 'b']);
  });
});
