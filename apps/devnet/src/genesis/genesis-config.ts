import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Keyring } from '@polkadot/keyring';
import { z } from 'zod';
import { BITTENSOR_SS58_FORMAT } from '@taonode/protocol';
import type { SubtensorGenesis } from '../pallets/subtensor';

/** The committed development genesis (`apps/devnet/genesis/dev.json`). */
export const DEFAULT_GENESIS_FILE = join(__dirname, '..', '..', 'genesis', 'dev.json');

export class GenesisConfigError extends Error {
  readonly code = 'TAONODE_DEVNET_GENESIS_INVALID';
}

const rao = z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative()]).transform((value) => BigInt(value));
const account = z.string().min(1);

const genesisSchema = z.object({
  chainName: z.string().default('Bittensor'),
  chainType: z.enum(['Development', 'Local', 'Live']).default('Development'),
  properties: z
    .object({
      ss58Format: z.number().int().default(BITTENSOR_SS58_FORMAT),
      tokenDecimals: z.number().int().default(9),
      tokenSymbol: z.string().default('TAO'),
    })
    .default({ ss58Format: BITTENSOR_SS58_FORMAT, tokenDecimals: 9, tokenSymbol: 'TAO' }),
  sudo: account,
  /** Aura authorities (block authors as the digest and `Aura.Authorities` name them). */
  authorities: z.array(account).default(['//Alice']),
  balances: z.array(z.tuple([account, rao])),
  subtensor: z
    .object({ subnets: z.array(z.object({ netuid: z.number().int().nonnegative() }).passthrough()) })
    .passthrough()
    .default({ subnets: [] }),
  /** The devnet's drand test beacon: its key is derived from this seed (never logged); a public default otherwise. */
  drand: z.object({ beaconSeed: z.string().min(1).optional() }).default({}),
});

/** The parsed genesis with every account resolved to an ss58 address (format 42). */
export interface GenesisConfig {
  readonly chainName: string;
  readonly chainType: 'Development' | 'Local' | 'Live';
  readonly properties: { readonly ss58Format: number; readonly tokenDecimals: number; readonly tokenSymbol: string };
  readonly sudo: string;
  readonly authorities: readonly string[];
  readonly balances: readonly (readonly [string, bigint])[];
  readonly subtensor: SubtensorGenesis;
  readonly drand?: { readonly beaconSeed?: string };
}

/**
 * Reads and validates a genesis file. Any account field may be a dev key URI (`//Alice`, `//Alice//hot`),
 * resolved to its sr25519 ss58 address, or an ss58 address used as is. In the `subtensor` section (whose
 * shape belongs to the subtensor pallet) every string that starts with `//` is resolved the same way.
 */
export function loadGenesisConfig(file: string = DEFAULT_GENESIS_FILE): GenesisConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new GenesisConfigError(`cannot read genesis file ${file}: ${String(error)}`, { cause: error });
  }
  return parseGenesisConfig(raw, file);
}

export function parseGenesisConfig(raw: unknown, source = 'genesis'): GenesisConfig {
  const parsed = genesisSchema.safeParse(raw);
  if (!parsed.success) {
    throw new GenesisConfigError(`${source} is not a valid devnet genesis: ${z.prettifyError(parsed.error)}`);
  }
  const keyring = new Keyring({ type: 'sr25519', ss58Format: BITTENSOR_SS58_FORMAT });
  const resolve = (value: string): string => (value.startsWith('//') ? keyring.addFromUri(value).address : value);
  const config = parsed.data;
  return {
    chainName: config.chainName,
    chainType: config.chainType,
    properties: config.properties,
    sudo: resolve(config.sudo),
    authorities: config.authorities.map(resolve),
    balances: config.balances.map(([who, amount]) => [resolve(who), amount] as const),
    subtensor: resolveDevUris(config.subtensor, resolve) as SubtensorGenesis,
    drand: config.drand,
  };
}

function resolveDevUris(value: unknown, resolve: (uri: string) => string): unknown {
  if (typeof value === 'string') {
    return resolve(value);
  }
  if (Array.isArray(value)) {
    return value.map((item) => resolveDevUris(item, resolve));
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolveDevUris(item, resolve)]));
  }
  return value;
}

/**
 * The genesis with `commitRevealWeightsEnabled` of every subnet set to `enabled` (`taonode devnet --commit-reveal`):
 * how `taonode start --metadata` runs today's runtime as finney does, with commit-reveal on.
 */
export function withCommitReveal(config: GenesisConfig, enabled: boolean): GenesisConfig {
  return {
    ...config,
    subtensor: {
      ...config.subtensor,
      subnets: config.subtensor.subnets.map((subnet) => ({
        ...subnet,
        hyperparameters: { ...subnet.hyperparameters, commitRevealWeightsEnabled: enabled },
      })),
    },
  };
}
