export { startDevnet, DEFAULT_BLOCK_TIME_MS, type DevnetOptions, type RunningDevnet } from './devnet';
export { READY_LINE_PREFIX, parseDuration } from './devnet-command';
