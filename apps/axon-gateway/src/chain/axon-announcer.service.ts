import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import {
  axonIpRejection,
  ChainClient,
  chainConnectOptions,
  encodeIp,
  ExtrinsicSubmitter,
  serveAxon,
} from '@taonode/chain';
import { APP_CONFIG } from '@taonode/config';
import { AxonIdentity } from '../axon/axon-identity';
import type { GatewayConfig } from '../config';

/** What `serve_axon` at start came to. */
export type AxonAnnouncement =
  /** `AXON_EXTERNAL_IP` is not set: nothing announced. */
  | { readonly kind: 'disabled' }
  /** The extrinsic landed in a block. */
  | { readonly kind: 'served'; readonly ip: string; readonly port: number; readonly blockNumber?: number }
  /** The chain already held exactly this address: nothing submitted. */
  | { readonly kind: 'unchanged'; readonly ip: string; readonly port: number }
  /** The chain would refuse this address (e.g. exactly 127.0.0.1): nothing submitted, the axon keeps serving. */
  | { readonly kind: 'refused'; readonly ip: string; readonly port: number; readonly reason: string }
  /** The chain was unreachable or refused the extrinsic; logged, the axon keeps serving. */
  | { readonly kind: 'failed'; readonly ip: string; readonly port: number; readonly error: unknown };

/**
 * `serve_axon` at start when `AXON_EXTERNAL_IP` is set, through libs/chain's operation (which skips the extrinsic
 * when the chain already holds the same values). It runs in the background and never stops the gateway: an
 * unreachable chain or an address the chain refuses is logged as an error while the axon keeps answering (a
 * supervisor restarting the process would not fix either, and a crash loop would take the miner offline).
 * An address the chain refuses (exactly 127.0.0.1, ::1, …) is caught here, before any chain connection.
 */
@Injectable()
export class AxonAnnouncerService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AxonAnnouncerService.name);
  private outcome: Promise<AxonAnnouncement> = Promise.resolve({ kind: 'disabled' });

  constructor(
    @Inject(APP_CONFIG) private readonly config: GatewayConfig,
    private readonly identity: AxonIdentity,
  ) {}

  /** Settles once the announcement at start is done (never rejects). */
  get announcement(): Promise<AxonAnnouncement> {
    return this.outcome;
  }

  onApplicationBootstrap(): void {
    const serve = this.config.serve;
    if (serve === null) {
      return;
    }
    this.outcome = this.announce(serve);
  }

  private async announce(serve: { readonly ip: string; readonly port: number }): Promise<AxonAnnouncement> {
    const { ip, port } = serve;
    const reason = this.refusal(ip);
    if (reason !== undefined) {
      this.logger.error(
        { ip, port },
        `AXON_EXTERNAL_IP=${ip} cannot be announced: ${reason} (a local node announces 127.0.0.2); the axon keeps answering but validators will not find it until AXON_EXTERNAL_IP is fixed`,
      );
      return { kind: 'refused', ip, port, reason };
    }
    try {
      const client = await ChainClient.connect(chainConnectOptions(this.config.chain));
      try {
        const result = await serveAxon(client, new ExtrinsicSubmitter(client), this.identity.signer, {
          netuid: this.config.netuid,
          ip,
          port,
          waitFor: 'inBlock',
        });
        if (result.skipped) {
          this.logger.log({ ip, port }, 'axon already served on chain with this address: not re-served');
          return { kind: 'unchanged', ip, port };
        }
        this.logger.log({ ip, port, block: result.submission?.blockNumber }, 'axon served on chain');
        return { kind: 'served', ip, port, blockNumber: result.submission?.blockNumber };
      } finally {
        await client.disconnect();
      }
    } catch (error) {
      this.logger.error({ err: error, ip, port }, 'serve_axon failed');
      return { kind: 'failed', ip, port, error };
    }
  }

  private refusal(ip: string): string | undefined {
    try {
      return axonIpRejection(encodeIp(ip));
    } catch (error) {
      return error instanceof Error ? error.message : 'not an IP address';
    }
  }
}
