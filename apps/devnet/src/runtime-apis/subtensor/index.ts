export { createSubtensorRuntimeApis, subtensorRuntimeApis, unsimulatedMethods } from './subtensor-runtime-apis';
export { runtimeApiRegistry } from './runtime-api-registry';
