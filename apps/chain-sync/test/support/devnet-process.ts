import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket, { type RawData } from 'ws';

const REPO_ROOT = join(__dirname, '..', '..', '..', '..');
const READY_LINE = /devnet: listening on (ws:\/\/\S+)/;
const START_TIMEOUT_MS = 90_000;

/**
 * The devnet as a child process that can be killed and started again on the same port, which
 * `@taonode/testing`'s `startDevnet` (always port 0) cannot do: chain-sync keeps one endpoint and must find the
 * chain again where it was. Manual blocks: the test builds each block.
 */
export class DevnetProcess {
  private child: ChildProcess | undefined;
  private port = 0;

  private constructor(
    private readonly genesisFile: string,
    private readonly scratch: string,
  ) {}

  /** Starts a devnet from `genesis` on `port` (default: any free port). */
  static async start(genesis: object, port = 0): Promise<DevnetProcess> {
    const scratch = mkdtempSync(join(tmpdir(), 'taonode-chain-sync-devnet-'));
    const genesisFile = join(scratch, 'genesis.json');
    writeFileSync(genesisFile, JSON.stringify(genesis));
    const devnet = new DevnetProcess(genesisFile, scratch);
    devnet.port = port;
    await devnet.launch();
    return devnet;
  }

  get url(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** SIGKILL: the chain vanishes mid-connection, as a crashed node would. */
  async kill(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (child === undefined || child.exitCode !== null || child.signalCode !== null) {
      return;
    }
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
    child.stdout?.destroy();
    child.stderr?.destroy();
  }

  /** Starts again on the same port, from the same genesis. */
  async restart(): Promise<void> {
    await this.kill();
    await this.launch();
  }

  async stop(): Promise<void> {
    await this.kill();
    rmSync(this.scratch, { recursive: true, force: true });
  }

  /** Builds `count` blocks; resolves with the last one's hash. */
  newBlock(count = 1): Promise<string> {
    return this.rpc<string>('dev_newBlock', [{ count }]);
  }

  /** One JSON-RPC call over a short-lived websocket. */
  rpc<T>(method: string, params: unknown[] = []): Promise<T> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(this.url);
      socket.once('error', reject);
      socket.once('open', () => socket.send(JSON.stringify({ jsonrpc: '2.0', id: 1, method, params })));
      socket.once('message', (data: RawData) => {
        socket.close();
        const text = Array.isArray(data)
          ? Buffer.concat(data).toString('utf8')
          : Buffer.from(data as Buffer).toString('utf8');
        const reply = JSON.parse(text) as { result?: T; error?: { code: number; message: string } };
        if (reply.error !== undefined) {
          reject(new Error(`${method}: ${reply.error.code} ${reply.error.message}`));
        } else {
          resolve(reply.result as T);
        }
      });
    });
  }

  private async launch(): Promise<void> {
    const args = [
      join(REPO_ROOT, 'bin', 'taonode.js'),
      'devnet',
      '--port',
      String(this.port),
      '--manual',
      '--genesis',
      this.genesisFile,
    ];
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(
        () => reject(new Error(`devnet not ready within ${START_TIMEOUT_MS} ms:\n${output}`)),
        START_TIMEOUT_MS,
      );
      const onOutput = (chunk: Buffer): void => {
        output += chunk.toString('utf8');
        const match = READY_LINE.exec(output);
        if (match?.[1] !== undefined) {
          clearTimeout(timer);
          // Keep draining so a chatty child never blocks on a full pipe, without keeping what it says.
          child.stdout?.off('data', onOutput);
          child.stderr?.off('data', onOutput);
          child.stdout?.resume();
          child.stderr?.resume();
          resolve(match[1]);
        }
      };
      child.stdout?.on('data', onOutput);
      child.stderr?.on('data', onOutput);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`devnet exited with ${code} before it was ready:\n${output}`));
      });
    });
    this.port = Number(new URL(url).port);
  }
}
