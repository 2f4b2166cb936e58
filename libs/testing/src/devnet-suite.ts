import { startDevnet, type LaunchedDevnet } from './devnet-launcher';

/** Generous: cold swc compilation of the devnet on a busy machine. */
const SUITE_START_TIMEOUT_MS = 60_000;
/** Blocks built once connected, so the suite starts past genesis as a running chain would be. */
const WARM_UP_BLOCKS = 2;

export interface DevnetSuiteOptions<Session extends { disconnect(): Promise<void> }> {
  /** A genesis object or file for the devnet. */
  readonly genesis: string | object;
  /** The runtime metadata file (see `devnetRuntimes()`); the devnet's default spec 233 when undefined. */
  readonly metadata?: string;
  /** Connects the suite's client(s) to the devnet's URL; disconnected after the suite. */
  readonly connect: (url: string) => Promise<Session>;
}

export interface DevnetSuite<Session> {
  /** The devnet of this suite, in manual block mode. */
  readonly devnet: LaunchedDevnet;
  /** What `connect` returned. */
  readonly session: Session;
}

/**
 * Registers, in the calling `describe`, a `beforeAll` that starts a devnet (manual blocks) from `genesis`,
 * connects to it and builds two blocks, and an `afterAll` that disconnects and stops it. The result reads the
 * devnet and the session while the suite runs (in hooks and tests, not while `describe` collects them).
 */
export function useDevnetSuite<Session extends { disconnect(): Promise<void> }>(
  options: DevnetSuiteOptions<Session>,
): DevnetSuite<Session> {
  let devnet: LaunchedDevnet | undefined;
  let session: Session | undefined;

  beforeAll(async () => {
    devnet = await startDevnet({ manual: true, genesis: options.genesis, metadata: options.metadata });
    session = await options.connect(devnet.url);
    await devnet.newBlock(WARM_UP_BLOCKS);
  }, SUITE_START_TIMEOUT_MS);

  afterAll(async () => {
    await session?.disconnect();
    await devnet?.stop();
  });

  const started = <T>(value: T | undefined): T => {
    if (value === undefined) {
      throw new Error('the devnet suite starts in beforeAll: read it in a hook or a test');
    }
    return value;
  };
  return {
    get devnet() {
      return started(devnet);
    },
    get session() {
      return started(session);
    },
  };
}
