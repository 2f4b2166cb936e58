import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ChainClient, chainConnectOptions, ExtrinsicSubmitter, serveAxon } from '@taonode/chain';
import { APP_CONFIG } from '@taonode/config';
import { AxonIdentity } from '../axon/axon-identity';
import type { GatewayConfig } from '../config';

/**
 * `serve_axon` at start when `AXON_EXTERNAL_IP` is set, through libs/chain's operation (which refuses the
 * addresses the chain refuses, e.g. exactly 127.0.0.1, and skips the extrinsic when the chain already holds the
 * same values). It runs in the background: an unreachable chain must not keep the axon from answering.
 */
@Injectable()
export class AxonAnnouncerService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AxonAnnouncerService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: GatewayConfig,
    private readonly identity: AxonIdentity,
  ) {}

  onApplicationBootstrap(): void {
    const serve = this.config.serve;
    if (serve === null) {
      return;
    }
    this.announce(serve).catch((error: unknown) =>
      this.logger.error({ err: error, ip: serve.ip, port: serve.port }, 'serve_axon failed'),
    );
  }

  private async announce(serve: { readonly ip: string; readonly port: number }): Promise<void> {
    const client = await ChainClient.connect(chainConnectOptions(this.config.chain));
    try {
      const result = await serveAxon(client, new ExtrinsicSubmitter(client), this.identity.signer, {
        netuid: this.config.netuid,
        ip: serve.ip,
        port: serve.port,
        waitFor: 'inBlock',
      });
      this.logger.log({ ip: serve.ip, port: serve.port, skipped: result.skipped }, 'axon served on chain');
    } finally {
      await client.disconnect();
    }
  }
}
