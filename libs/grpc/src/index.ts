export { callDeadline, DEFAULT_CALL_DEADLINE_MS, type Deadlined } from './deadline';
export { GrpcExceptionFilter } from './grpc-exception.filter';
export { type GrpcEndpointOptions, grpcClientOptions, GRPC_LOADER_OPTIONS, grpcServerOptions } from './grpc-options';
export { ERROR_CODE_METADATA_KEY, grpcStatusOf, isCallerFacing } from './rpc-error';
export {
  METAGRAPH_REWATCH_DELAY_MS,
  type MetagraphWatch,
  MetagraphWatchClient,
  type MetagraphWatchListener,
} from './metagraph-watch.client';
