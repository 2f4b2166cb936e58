export * from './metagraph';
export * from './weights';
