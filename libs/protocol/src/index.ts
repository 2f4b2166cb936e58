export * from './synapse/builtins';
export * from './synapse/synapse-definition';
