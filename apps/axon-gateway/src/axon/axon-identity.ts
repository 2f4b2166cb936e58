import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG } from '@taonode/config';
import { hotkeySigner } from '@taonode/dendrite';
import { initProtocolCrypto, SDK_VERSION_AS_INT, type Signer } from '@taonode/protocol';
import { type Keypair, Wallet } from '@taonode/wallet';
import type { GatewayConfig } from '../config';

/** The axon's own identity: its hotkey (read once from the wallet), instance uuid and version. */
@Injectable()
export class AxonIdentity implements OnModuleInit {
  /** The SDK's axon uuid is fixed per Axon object; ours per process. */
  readonly uuid = randomUUID();
  readonly version = SDK_VERSION_AS_INT;
  private loaded: Keypair | undefined;
  private wasmSigner: Signer | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: GatewayConfig) {}

  async onModuleInit(): Promise<void> {
    await initProtocolCrypto();
    const { name, hotkey, path } = this.config.wallet;
    this.loaded = await new Wallet({ name, hotkey, path }).hotkeyFile.readKeypair();
    this.wasmSigner = hotkeySigner(this.loaded);
  }

  /** Signs every success response: the WASM sr25519 path (the wallet's pure-JS signing costs ~1 ms each). */
  get responseSigner(): Signer {
    if (this.wasmSigner === undefined) {
      throw new Error('axon hotkey is not loaded yet');
    }
    return this.wasmSigner;
  }

  /** The hotkey pair (signs the `serve_axon` extrinsic). */
  get signer(): Keypair {
    if (this.loaded === undefined) {
      throw new Error('axon hotkey is not loaded yet');
    }
    return this.loaded;
  }

  get hotkey(): string {
    return this.signer.ss58Address;
  }
}
