export interface GatewayProcessEnvOptions {
  readonly redisUrl: string;
  /** The MetagraphService (gRPC) serving subnet 1. */
  readonly metagraphUrl: string;
  readonly axonPort: number;
  /** A btcli-layout wallet directory holding `miner/hotkeys/default`, the axon's hotkey. */
  readonly walletPath: string;
}

/**
 * The axon-gateway variables that run it on `127.0.0.1:<axonPort>` for subnet 1 with the `miner/default` hotkey of
 * `walletPath` (the ops server's address is the launcher's to choose).
 */
export function gatewayProcessEnv(options: GatewayProcessEnvOptions): Record<string, string> {
  return {
    REDIS_URL: options.redisUrl,
    METAGRAPH_GRPC_URL: options.metagraphUrl,
    NETUID: '1',
    WALLET_NAME: 'miner',
    WALLET_HOTKEY: 'default',
    WALLET_PATH: options.walletPath,
    AXON_HOST: '127.0.0.1',
    AXON_PORT: String(options.axonPort),
  };
}
