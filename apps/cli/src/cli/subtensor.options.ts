import { Option, type Command } from 'commander';
import type { EndpointSelection } from '@taonode/config';

/** Parsed `--subtensor.*` flags (commander keeps the dotted names) and their hidden btcli dash aliases. */
export interface SubtensorFlags {
  'subtensor.network'?: string;
  'subtensor.chain_endpoint'?: string;
  subtensorNetwork?: string;
  subtensorChainEndpoint?: string;
}

/** Adds btcli's `--subtensor.network` and `--subtensor.chain_endpoint` (plus `--network`/`--chain` shorthands). */
export function addSubtensorOptions(command: Command): Command {
  return command
    .option(
      '--subtensor.network <network>',
      'finney, test, local, devnet or a ws(s):// URL [env SUBTENSOR_NETWORK, BT_SUBTENSOR_NETWORK; default finney]',
    )
    .option(
      '--subtensor.chain_endpoint <url>',
      'endpoint (comma-separated for a pool); wins over the network [env SUBTENSOR_CHAIN_ENDPOINT, BT_SUBTENSOR_CHAIN_ENDPOINT]',
    )
    .addOption(new Option('--subtensor-network <network>').hideHelp())
    .addOption(new Option('--subtensor-chain-endpoint <url>').hideHelp())
    .addOption(new Option('--network <network>', 'alias of --subtensor.network').hideHelp())
    .addOption(new Option('--chain <url>', 'alias of --subtensor.chain_endpoint').hideHelp());
}

function firstSet(...values: (string | undefined)[]): string | undefined {
  return values.find((value) => value !== undefined && value !== '');
}

/**
 * Flag › `SUBTENSOR_*` › btcli's `BT_SUBTENSOR_*`; `resolveEndpoints` of `@taonode/config` (the parser the services'
 * environment goes through) turns the selection into a pool and defaults to finney.
 */
export function resolveEndpointSelection(
  flags: SubtensorFlags & { network?: string; chain?: string },
  env: Readonly<Record<string, string | undefined>>,
): EndpointSelection {
  return {
    network: firstSet(
      flags['subtensor.network'],
      flags.subtensorNetwork,
      flags.network,
      env.SUBTENSOR_NETWORK,
      env.BT_SUBTENSOR_NETWORK,
    ),
    chainEndpoint: firstSet(
      flags['subtensor.chain_endpoint'],
      flags.subtensorChainEndpoint,
      flags.chain,
      env.SUBTENSOR_CHAIN_ENDPOINT,
      env.BT_SUBTENSOR_CHAIN_ENDPOINT,
    ),
  };
}
