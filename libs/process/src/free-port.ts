import { createServer } from 'node:net';

/**
 * A TCP port that was free on `host` a moment ago (the OS picks it), for children that cannot bind port 0 and
 * report what they got. Another process can take it before the child binds it: callers that can retry on
 * another port do so.
 */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => {
        if (address !== null && typeof address === 'object') {
          resolve(address.port);
        } else {
          reject(new Error('the OS gave no port'));
        }
      });
    });
  });
}

/** Whether `port` can be bound on `host` right now (false when something listens there). */
export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        resolve(false);
      } else {
        reject(error);
      }
    });
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}
