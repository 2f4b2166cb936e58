import { z } from 'zod';

/**
 * The btcli wallet a service signs with (`--wallet.name`, `--wallet.hotkey`, `--wallet.path` as environment):
 * the hotkey file `<WALLET_PATH>/<WALLET_NAME>/hotkeys/<WALLET_HOTKEY>`. Only the location is configuration;
 * the key itself is read from that file (mode 600), never from the environment.
 */
export const walletEnv = z.object({
  WALLET_PATH: z.string().trim().min(1).default('~/.bittensor/wallets'),
  WALLET_NAME: z.string().trim().min(1).default('default'),
  WALLET_HOTKEY: z.string().trim().min(1).default('default'),
});

export interface WalletConfig {
  readonly path: string;
  readonly name: string;
  readonly hotkey: string;
}

export function walletConfig(env: z.output<typeof walletEnv>): WalletConfig {
  return { path: env.WALLET_PATH, name: env.WALLET_NAME, hotkey: env.WALLET_HOTKEY };
}
