import {
  axonIpRejection,
  ChainMetagraphReader,
  encodeIp,
  ExtrinsicSubmitter,
  serveAxon,
  type ChainClient,
  type NeuronInfo,
} from '@taonode/chain';
import { TaonodeError } from '@taonode/errors';
import type { Keypair } from '@taonode/wallet';
import { walletFlags } from './node-hotkey';
import type { NodeSettings } from './node-settings';

/** A preflight check failed: nothing was started and nothing submitted. `fix` is the command that fixes it. */
export class NodePreflightError extends TaonodeError {
  override readonly name = 'NodePreflightError';
  readonly code = 'TAONODE_CLI_NODE_PREFLIGHT';
  readonly kind = 'failed-precondition';

  constructor(
    reason: string,
    readonly fix: string,
  ) {
    super(reason);
  }
}

/** What the preflight found, printed before the services start. */
export interface PreflightReport {
  readonly hotkey: string;
  readonly uid: number;
  /** The address announced on chain once the preflight is done (miner role). */
  readonly axon?: { readonly ip: string; readonly port: number; readonly served: boolean };
  readonly notes: readonly string[];
}

/** The address to announce: the flag's, else a usable one the chain already holds; 127.0.0.1 never. */
function chooseAxonAddress(settings: NodeSettings, neuron: NeuronInfo): { ip: string; port: number } {
  const fix = `pass --axon.external_ip <public ip> (and --axon.external_port if it differs from ${settings.axonPort})`;
  if (settings.axonExternalIp !== undefined) {
    const rejection = axonIpRejection(encodeIp(settings.axonExternalIp));
    if (rejection !== undefined) {
      throw new NodePreflightError(`cannot announce ${settings.axonExternalIp}: ${rejection}`, fix);
    }
    return { ip: settings.axonExternalIp, port: settings.axonExternalPort };
  }
  const held = neuron.axon;
  if (held.port > 0 && axonIpRejection(encodeIp(held.ip)) === undefined) {
    return { ip: held.ip, port: held.port };
  }
  throw new NodePreflightError('no routable axon address to announce (the chain holds none for this hotkey)', fix);
}

/**
 * Checks what the node needs before anything starts, reading the chain through libs/chain: the hotkey is
 * registered; a miner has a routable address (served once, only when the chain holds a different one); a validator
 * has a validator permit. Weights rate limit and commit-reveal mode are reported. Never registers, stakes or spends.
 */
export async function runPreflight(
  settings: NodeSettings,
  client: ChainClient,
  hotkey: Keypair,
): Promise<PreflightReport> {
  const metagraph = await new ChainMetagraphReader(client).read(settings.netuid);
  const neuron = metagraph.neurons.find((candidate) => candidate.hotkey === hotkey.ss58Address);
  if (neuron === undefined) {
    throw new NodePreflightError(
      `hotkey ${hotkey.ss58Address} is not registered on subnet ${settings.netuid}`,
      `taonode subnet register --netuid ${settings.netuid} ${walletFlags(settings)}`,
    );
  }
  const notes: string[] = [];
  if (settings.roles.includes('validator')) {
    if (!neuron.validatorPermit) {
      throw new NodePreflightError(
        `uid ${neuron.uid} has no validator permit on subnet ${settings.netuid} (stake ${neuron.stake} τ)`,
        `taonode stake add --netuid ${settings.netuid} --amount <tao> ${walletFlags(settings)}, then wait for the next epoch`,
      );
    }
    const { weightsRateLimit, commitRevealWeightsEnabled, tempo } = metagraph.hyperparameters;
    notes.push(
      `validator uid ${neuron.uid}, stake ${neuron.stake} τ, permit yes; weights rate limit ${weightsRateLimit} blocks, tempo ${tempo}`,
      `commit-reveal ${commitRevealWeightsEnabled ? 'enabled: the weight-setter commits, then reveals' : 'disabled: weights are set directly'}`,
    );
  }
  if (!settings.roles.includes('miner')) {
    return { hotkey: hotkey.ss58Address, uid: neuron.uid, notes };
  }
  const address = chooseAxonAddress(settings, neuron);
  // The only transaction the node sends on its own, and only when the chain holds a different address. The gateway
  // is started without AXON_EXTERNAL_IP so it does not serve a second time.
  const result = await serveAxon(client, new ExtrinsicSubmitter(client), hotkey, {
    netuid: settings.netuid,
    ip: address.ip,
    port: address.port,
    waitFor: 'finalized',
  });
  return { hotkey: hotkey.ss58Address, uid: neuron.uid, axon: { ...address, served: !result.skipped }, notes };
}
