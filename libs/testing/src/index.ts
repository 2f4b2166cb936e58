/**
 * Test launchers: a private devnet (the simulated subtensor) and a private redis-server, each as a child
 * process on a free port, and the real runtime under Chopsticks for the optional fidelity checks; typed
 * factories for test data; the project's shared vectors. Test-only: production code must not import this
 * library.
 */
export { startDevnet, type DevnetLaunchOptions, type LaunchedDevnet } from './devnet-launcher';
export {
  CHOPSTICKS_START_TIMEOUT_MS,
  startChopsticks,
  type ChopsticksLaunchOptions,
  type LaunchedChopsticks,
} from './chopsticks-launcher';
export { startRedisServer, type LaunchedRedis, type RedisLaunchOptions } from './redis-launcher';
export { LaunchError } from './child-process-ready';
export { freePort } from './free-port';
export { rpcCall } from './json-rpc';
export { mineUntilSettled } from './mine-until-settled';
export { loadBittensorVectors, readVectorFile, sharedVectorPath } from './shared-vectors';
export { thrownBy } from './thrown-by';
export {
  blockHashOf,
  buildHyperparameters,
  buildMetagraph,
  buildNeuron,
  fakeAddress,
  type MetagraphSpec,
} from './factories/metagraph.factory';
