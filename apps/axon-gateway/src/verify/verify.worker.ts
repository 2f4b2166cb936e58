import { parentPort } from 'node:worker_threads';
import { initProtocolCrypto, NotVerifiedError, verifyRequestSignature } from '@taonode/protocol';
import type { VerifyRequest, VerifyResponse } from './verify.messages';

/** A verify thread: sr25519 checks off the gateway's event loop, one message in, one answer out. */
function answer(request: VerifyRequest): VerifyResponse {
  try {
    verifyRequestSignature(request.headers, { ownHotkey: request.ownHotkey, requireSignature: true });
    return { id: request.id, ok: true };
  } catch (error) {
    if (error instanceof NotVerifiedError) {
      return { id: request.id, ok: false, code: error.code, reason: error.reason };
    }
    return { id: request.id, ok: false, code: 'internal', reason: error instanceof Error ? error.message : 'unknown' };
  }
}

const port = parentPort;
if (port !== null) {
  void initProtocolCrypto().then(() => {
    port.on('message', (request: VerifyRequest) => port.postMessage(answer(request)));
    port.postMessage('ready');
  });
}
