import { ChainClient, ExtrinsicSubmitter, resolveEndpoints } from '@taonode/chain';
import type { CliDeps } from './cli.deps';
import { withSpinner } from './spinner';
import { resolveEndpointSelection, type SubtensorFlags } from './subtensor.options';

/** One connected client (and its submitter) for the duration of a command. */
export interface ChainSession {
  readonly client: ChainClient;
  readonly submitter: ExtrinsicSubmitter;
  /** Network name for headers (`finney`, `local`, … or `custom`). */
  readonly network: string;
  /** Runs `work` behind a spinner (TTY) or a plain progress line. */
  progress<T>(text: string, work: () => Promise<T>): Promise<T>;
}

const POLKADOT_LOG_PREFIX = /^\s*[A-Z][A-Z0-9/_-]*:$/;

/**
 * @polkadot/api writes its own diagnostics (`RPC-CORE: submitAndWatchExtrinsic(...)`, `API/INIT: …`) to the
 * console. A CLI must print one line per error, so while a session is open those lines are dropped, unless
 * `TAONODE_DEBUG` is set. Anything else written to the console passes through.
 */
function silencePolkadotLogs(env: Readonly<Record<string, string | undefined>>): () => void {
  if (env.TAONODE_DEBUG) {
    return () => undefined;
  }
  /* eslint-disable no-console -- replacing, not using, the console: filtering a dependency's log lines */
  const original = { error: console.error, warn: console.warn, log: console.log };
  const filter =
    (write: (...args: unknown[]) => void) =>
    (...args: unknown[]): void => {
      // @polkadot/util's logger writes (timestamp, padded `ORIGIN:`, ...values).
      if (args.slice(0, 2).some((arg) => typeof arg === 'string' && POLKADOT_LOG_PREFIX.test(arg))) {
        return;
      }
      write(...args);
    };
  console.error = filter(original.error);
  console.warn = filter(original.warn);
  console.log = filter(original.log);
  return () => {
    console.error = original.error;
    console.warn = original.warn;
    console.log = original.log;
  };
  /* eslint-enable no-console */
}

/** Connects (with a spinner), runs `body`, and always disconnects. */
export async function withChainSession<T>(
  flags: SubtensorFlags,
  deps: CliDeps,
  body: (session: ChainSession) => Promise<T>,
): Promise<T> {
  const selection = resolveEndpointSelection(flags, deps.env);
  const { endpoints, network } = resolveEndpoints(selection);
  const restoreConsole = silencePolkadotLogs(deps.env);
  const stream = deps.stderr as NodeJS.WriteStream;
  const progress = <R>(text: string, work: () => Promise<R>): Promise<R> => withSpinner(stream, text, work);
  try {
    const client = await progress(`Connecting to ${endpoints.join(', ')}`, () =>
      ChainClient.connect({
        chainEndpoint: [...endpoints],
        network: selection.network,
        connectTimeoutMs: 30_000,
        failWhenRefused: true,
      }),
    );
    try {
      return await body({ client, submitter: new ExtrinsicSubmitter(client), network, progress });
    } finally {
      await client.disconnect();
    }
  } finally {
    restoreConsole();
  }
}
