export { APP_CONFIG, TaonodeConfigModule, type TaonodeConfigOptions } from './config.module';
export { chainConfig, chainEnv, SUBTENSOR_NETWORKS, type ChainConfig } from './env/chain.env';
export { commaList, portVar, wsUrlVar } from './env/env-parsers';
export { grpcConfig, grpcEnv, type GrpcServerConfig } from './env/grpc.env';
export { LOG_LEVELS, logConfig, logEnv, type LogConfig, type LogLevel } from './env/log.env';
export {
  InvalidEndpointError,
  isNetworkName,
  isWsEndpoint,
  NETWORK_ENDPOINTS,
  NETWORK_NAMES,
  parseEndpointList,
  resolveEndpoints,
  type EndpointSelection,
  type NetworkName,
  type ResolvedEndpoints,
} from './network/subtensor-network';
export { metagraphClientConfig, metagraphClientEnv, type MetagraphClientConfig } from './env/metagraph-client.env';
export { opsConfig, opsEnv, type OpsConfig } from './env/ops.env';
export { redisConfig, redisEnv, type RedisConfig } from './env/redis.env';
export { serviceConfig, serviceEnv, type ServiceConfig } from './env/service.env';
export { walletConfig, walletEnv, type WalletConfig } from './env/wallet.env';
export { type EnvSource, InvalidEnvironmentError, parseEnv } from './parse-env';
