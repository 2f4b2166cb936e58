import WebSocket, { type RawData } from 'ws';

/**
 * One raw JSON-RPC exchange over a fresh websocket: checks wire-level shapes @polkadot/api would hide (or
 * memoize). `payload` is sent as is; the first message back is parsed and returned.
 */
export function rawRpc(url: string, payload: string | object): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.once('error', reject);
    socket.once('open', () => socket.send(typeof payload === 'string' ? payload : JSON.stringify(payload)));
    socket.once('message', (data: RawData) => {
      socket.close();
      resolve(JSON.parse(Buffer.from(data as Buffer).toString('utf8')));
    });
  });
}
