import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { EnvSource } from '@taonode/config';
import { startService } from '@taonode/service';
import { Keypair, Wallet } from '@taonode/wallet';
import { AppModule } from '../../src/app.module';
import { axonFastifyAdapter } from '../../src/axon/axon-fastify.adapter';

export interface RunningGateway {
  readonly app: NestFastifyApplication;
  readonly url: string;
  readonly port: number;
  readonly opsUrl: string;
  /** The axon's hotkey (//Bob). */
  readonly hotkey: string;
  close(): Promise<void>;
}

export interface GatewayAppOptions {
  readonly redisUrl: string;
  readonly metagraphUrl: string;
  readonly env?: EnvSource;
}

/** The gateway as `main.ts` starts it (same module, adapter and `startService`), on loopback with //Bob's hotkey. */
export async function startGateway(options: GatewayAppOptions): Promise<RunningGateway> {
  const walletPath = mkdtempSync(join(tmpdir(), 'taonode-gateway-wallet-'));
  const axonKey = Keypair.fromUri('//Bob');
  await new Wallet({ name: 'miner', hotkey: 'default', path: walletPath }).hotkeyFile.writeKeypair(axonKey);
  const env: EnvSource = {
    NODE_ENV: 'production',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    REDIS_URL: options.redisUrl,
    METAGRAPH_GRPC_URL: options.metagraphUrl,
    NETUID: '1',
    WALLET_NAME: 'miner',
    WALLET_HOTKEY: 'default',
    WALLET_PATH: walletPath,
    AXON_HOST: '127.0.0.1',
    AXON_PORT: '0',
    OPS_HOST: '127.0.0.1',
    OPS_PORT: '0',
    ...options.env,
  };
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot({ env }), axonFastifyAdapter(), {
    bufferLogs: true,
    bodyParser: false,
  });
  const { opsPort } = await startService(app, (started) => started.listen(0, '127.0.0.1'));
  const port = (app.getHttpServer().address() as AddressInfo).port;
  let closed = false;
  return {
    app,
    port,
    url: `http://127.0.0.1:${port}`,
    opsUrl: `http://127.0.0.1:${opsPort}`,
    hotkey: axonKey.ss58Address,
    close: async () => {
      if (closed) {
        return;
      }
      closed = true;
      await app.close();
      rmSync(walletPath, { recursive: true, force: true });
    },
  };
}
