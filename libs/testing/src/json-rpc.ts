import WebSocket, { type RawData } from 'ws';

/**
 * One JSON-RPC call over a short-lived websocket, for what a test drives beside the client under test
 * (`dev_newBlock`, `dev_setStorage`, `author_pendingExtrinsics`, …). Rejects when the socket fails, closes
 * before the answer, or the answer is a JSON-RPC error (`<method>: <code>: <message>`).
 */
export function rpcCall<T>(url: string, method: string, params: readonly unknown[] = []): Promise<T> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.once('error', reject);
    // A node shutting down may accept the connection and close it unanswered: that call failed too.
    socket.once('close', (code) => reject(new Error(`${method}: connection closed (${code}) without an answer`)));
    socket.once('open', () => socket.send(JSON.stringify({ jsonrpc: '2.0', id: 1, method, params })));
    socket.once('message', (data) => {
      socket.close();
      const reply = JSON.parse(messageText(data)) as { result?: T; error?: { code: number; message: string } };
      if (reply.error) {
        reject(new Error(`${method}: ${reply.error.code}: ${reply.error.message}`));
      } else {
        resolve(reply.result as T);
      }
    });
  });
}

/** A websocket message's text, whatever buffer shape `ws` delivered it in. */
function messageText(data: RawData): string {
  if (Array.isArray(data)) {
    return Buffer.concat(data).toString('utf8');
  }
  return Buffer.from(data as ArrayBuffer).toString('utf8');
}
