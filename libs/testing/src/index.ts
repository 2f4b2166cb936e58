/**
 * Test launchers: a private devnet (the simulated subtensor) and a private redis-server, each as a child
 * process on a free port, and the real runtime under Chopsticks for the optional fidelity checks, all started
 * through @taonode/process so they die with the test run; typed factories for test data; the project's test
 * vectors. Test-only: production code must not import this library.
 */
export {
  devnetRuntimes,
  spec424MetadataFile,
  startDevnet,
  type DevnetLaunchOptions,
  type LaunchedDevnet,
} from './devnet-launcher';
export { useDevnetSuite, type DevnetSession, type DevnetSuite, type DevnetSuiteOptions } from './devnet-suite';
export {
  aliceOwnedGenesis,
  aliceStakedNeuron,
  type AliceGenesisOptions,
  type GenesisNeuron,
  type GenesisSubnet,
} from './devnet-genesis';
export {
  CHOPSTICKS_START_TIMEOUT_MS,
  startChopsticks,
  type ChopsticksLaunchOptions,
  type LaunchedChopsticks,
} from './chopsticks-launcher';
export { startRedisServer, type LaunchedRedis, type RedisLaunchOptions } from './redis-launcher';
// Free ports come from the one process-supervision lib, as do the launchers' children and their errors.
export { freePort, stablePort } from '@taonode/process';
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
export { type FakeMetagraphServer, type FakeNeuronInput, startFakeMetagraphServer } from './fake-metagraph-server';
export { type AppProcess, startAppProcess } from './app-process';
export { type GatewayProcessEnvOptions, gatewayProcessEnv } from './gateway-process-env';
export { waitFor } from './wait-for';
