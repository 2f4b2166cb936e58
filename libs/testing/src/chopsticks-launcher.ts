import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { freePort, ProcessError, startChild, type SupervisedChild } from '@taonode/process';
import { rpcCall } from './json-rpc';

/** Chopsticks is not a dependency (270 MB): `npx` fetches this pinned version on first use. */
const CHOPSTICKS = '@acala-network/chopsticks@1.5.1';
const TAO = 1_000_000_000n;
/** What each funded dev account holds. */
const FUNDED_BALANCE = 1_000_000n * TAO;

/** How long a start may take: the first run downloads Chopsticks (~80 s) and compiles the runtime (~20 s). */
export const CHOPSTICKS_START_TIMEOUT_MS = 10 * 60_000;

export interface ChopsticksLaunchOptions {
  /** Path of a raw chainspec with `:code` (never committed; the specs take it from `SUBTENSOR_CHAINSPEC`). */
  readonly chainspec: string;
  /** SS58 addresses to fund with 1,000,000 TAO each. */
  readonly fund?: readonly string[];
  /** SS58 address to make the sudo key. */
  readonly sudo?: string;
  /** Further `dev_setStorage` entries by pallet (e.g. `SubtensorModule`), set together with the funding. */
  readonly storage?: Readonly<Record<string, unknown>>;
  /** Default {@link CHOPSTICKS_START_TIMEOUT_MS}. */
  readonly startTimeoutMs?: number;
}

export interface LaunchedChopsticks {
  readonly url: string;
  /** Builds one block (manual block mode), retrying the failures Chopsticks' first blocks may have. */
  newBlock(): Promise<void>;
  /** `dev_setStorage`: storage by pallet and item, in Chopsticks' format. */
  setStorage(storage: Readonly<Record<string, unknown>>): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the real subtensor runtime under Chopsticks in genesis mode (in-memory database, manual blocks) on a
 * free port, and works around its quirks (subtensor.md §3) so clients can sign at once: builds past the genesis
 * block (whose header hash is not the placeholder the runtime stores), funds `fund` and sets the sudo key in one
 * `dev_setStorage`, then builds two more blocks.
 */
export async function startChopsticks(options: ChopsticksLaunchOptions): Promise<LaunchedChopsticks> {
  if (!existsSync(options.chainspec)) {
    throw new ProcessError('TAONODE_PROCESS_SPAWN_FAILED', `chainspec ${options.chainspec} is not a file`);
  }
  const scratch = mkdtempSync(join(tmpdir(), 'taonode-chopsticks-'));
  const port = await freePort();
  const url = `ws://127.0.0.1:${port}`;
  let child: SupervisedChild;
  try {
    // npx starts chopsticks' own node process inside the child's process group; stopping the group stops both.
    child = await startChild({
      name: 'chopsticks',
      command: 'npx',
      args: [
        '--yes',
        CHOPSTICKS,
        `--genesis=${options.chainspec}`,
        `--port=${port}`,
        '--db=:memory:',
        '--build-block-mode=Manual',
      ],
      cwd: scratch,
      readyProbe: () => answersWebsocket(url),
      readyTimeoutMs: options.startTimeoutMs ?? CHOPSTICKS_START_TIMEOUT_MS,
      ports: [port],
    });
  } catch (error) {
    rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
  const chopsticks: LaunchedChopsticks = {
    url,
    newBlock: () => newBlock(url),
    setStorage: async (storage) => {
      await rpcCall(url, 'dev_setStorage', [storage]);
    },
    stop: async () => {
      await child.stop();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
  try {
    await chopsticks.newBlock();
    // `flags` marks the accounts as already on the fungible balances logic, as the devnet's genesis does.
    const funded = {
      providers: 1,
      data: { free: FUNDED_BALANCE.toString(), flags: '0x80000000000000000000000000000000' },
    };
    await chopsticks.setStorage({
      System: { Account: (options.fund ?? []).map((address) => [[address], funded]) },
      ...(options.sudo === undefined ? {} : { Sudo: { Key: options.sudo } }),
      ...options.storage,
    });
    await chopsticks.newBlock();
    await chopsticks.newBlock();
  } catch (error) {
    await chopsticks.stop();
    throw error;
  }
  return chopsticks;
}

/** Whether a websocket server answers on `url`. */
function answersWebsocket(url: string): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const socket = new WebSocket(url);
    socket.once('open', () => {
      socket.close();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** The first blocks after start may fail ("Timestamp slot must match CurrentSlot"), so retry. */
async function newBlock(url: string): Promise<void> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    try {
      await rpcCall(url, 'dev_newBlock', [{ count: 1 }]);
      return;
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError instanceof Error ? lastError : new Error(String(lastError));
}
