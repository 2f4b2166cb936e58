export { subtensorRuntimeApis } from './subtensor-runtime-apis';
export { runtimeApiRegistry } from './runtime-api-registry';
