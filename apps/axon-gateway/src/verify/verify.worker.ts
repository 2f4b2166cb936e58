import { parentPort } from 'node:worker_threads';
import { emptyTerminalInfo, initProtocolCrypto, NotVerifiedError, verifyRequestSignature } from '@taonode/protocol';
import type { VerifyBatch, VerifyBatchResult, VerifyItem, VerifyOutcome } from './verify.messages';

/** A verify thread: sr25519 checks off the gateway's event loop, one batch in, one batch of answers out. */
function verifyItem(ownHotkey: string, item: VerifyItem): VerifyOutcome {
  const [id, hotkey, nonce, uuid, signature, computedBodyHash] = item;
  try {
    verifyRequestSignature(
      {
        dendrite: { ...emptyTerminalInfo(), hotkey, nonce: nonce === null ? null : BigInt(nonce), uuid, signature },
        // Not read by the signature check (freshness is the nonce store's job).
        timeout: null,
        computedBodyHash,
      },
      { ownHotkey, requireSignature: true },
    );
    return [id, 'ok'];
  } catch (error) {
    if (error instanceof NotVerifiedError) {
      return [id, error.code, error.reason];
    }
    return [id, 'internal', error instanceof Error ? error.message : 'unknown'];
  }
}

const port = parentPort;
if (port !== null) {
  void initProtocolCrypto().then(() => {
    port.on('message', (batch: VerifyBatch) => {
      const result: VerifyBatchResult = batch.items.map((item) => verifyItem(batch.ownHotkey, item));
      port.postMessage(result);
    });
    port.postMessage('ready');
  });
}
