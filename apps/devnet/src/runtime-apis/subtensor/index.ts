export { subtensorRuntimeApis } from './subtensor-runtime-apis';
export { runtimeApiRegistry } from './runtime-api-registry';
export {
  SUBTENSOR_RUNTIME_API_METHODS,
  SUBTENSOR_RUNTIME_API_TYPES,
  METAGRAPH_FIELDS,
} from './subtensor-runtime-api.types';
