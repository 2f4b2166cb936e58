import { startDevnet, type LaunchedDevnet } from './devnet-launcher';

/** Generous: cold swc compilation of the devnet on a busy machine. */
const SUITE_START_TIMEOUT_MS = 60_000;
/** Blocks built once connected (by default), so the suite starts past genesis as a running chain would be. */
const WARM_UP_BLOCKS = 2;

/** What a suite connects to its devnet: anything, as long as it can be disconnected after the suite. */
export interface DevnetSession {
  disconnect(): Promise<void>;
}

export interface DevnetSuiteOptions<Session extends DevnetSession> {
  /** A genesis object or file for the devnet (default: the devnet's own). */
  readonly genesis?: string | object;
  /** The runtime metadata file (see `devnetRuntimes()`); the devnet's default spec 233 when undefined. */
  readonly metadata?: string;
  /** Connects the suite's client(s) to the started devnet; `disconnect` is called after the suite. */
  readonly connect: (devnet: LaunchedDevnet) => Promise<Session>;
  /** Blocks built once connected, before the first test (default 2). */
  readonly warmUpBlocks?: number;
  /** How long the devnet may take to print its ready line (the launcher's default when undefined). */
  readonly startTimeoutMs?: number;
  /** How long the whole set-up (devnet, `connect`, warm-up blocks) may take (default 60 s). */
  readonly setUpTimeoutMs?: number;
}

/** The suite's devnet (manual blocks) and what `connect` returned, but for `disconnect`, which the suite calls. */
export type DevnetSuite<Session extends DevnetSession> = { readonly devnet: LaunchedDevnet } & Readonly<
  Omit<Session, 'disconnect'>
>;

/**
 * Registers, in the calling `describe`, a `beforeAll` that starts a devnet (manual blocks) from `genesis`,
 * connects to it and builds `warmUpBlocks` blocks, and an `afterAll` that disconnects and stops it. The result
 * reads the devnet and the session's members while the suite runs: in its hooks and tests, and reading it while
 * `describe` collects them is an error that says so.
 */
export function useDevnetSuite<Session extends DevnetSession>(
  options: DevnetSuiteOptions<Session>,
): DevnetSuite<Session> {
  let devnet: LaunchedDevnet | undefined;
  let session: Session | undefined;

  beforeAll(async () => {
    devnet = await startDevnet({
      manual: true,
      genesis: options.genesis,
      metadata: options.metadata,
      startTimeoutMs: options.startTimeoutMs,
    });
    session = await options.connect(devnet);
    const warmUpBlocks = options.warmUpBlocks ?? WARM_UP_BLOCKS;
    if (warmUpBlocks > 0) {
      await devnet.newBlock(warmUpBlocks);
    }
  }, options.setUpTimeoutMs ?? SUITE_START_TIMEOUT_MS);

  afterAll(async () => {
    await session?.disconnect();
    await devnet?.stop();
  });

  // One view for every suite: `devnet`, else the session's member of that name, once both are there.
  return new Proxy({} as DevnetSuite<Session>, {
    get: (_view, member) => {
      if (devnet === undefined || session === undefined) {
        throw new Error(`the devnet suite starts in beforeAll: read ${String(member)} in a hook or a test`);
      }
      return member === 'devnet' ? devnet : session[member as keyof Session];
    },
  });
}
