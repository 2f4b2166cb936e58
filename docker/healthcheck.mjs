// Container healthcheck, no curl in the image: GET /health on the ops port with a 2 s deadline; for a service
// without an ops server (the devnet) HEALTHCHECK_TCP_PORT makes it a TCP connect to that port instead.
// node:http, not fetch: a healthcheck starts a fresh Node every interval, and fetch's loading alone costs three
// times what the whole check otherwise does (seconds on a busy host, where a 3 s timeout was then missed).
import { get } from 'node:http';
import { connect } from 'node:net';

const DEADLINE_MS = 2000;
const tcpPort = process.env.HEALTHCHECK_TCP_PORT;
if (tcpPort) {
  const socket = connect({ host: '127.0.0.1', port: Number(tcpPort), timeout: DEADLINE_MS });
  socket.once('connect', () => {
    socket.destroy();
    process.exit(0);
  });
  socket.once('timeout', () => process.exit(1));
  socket.once('error', () => process.exit(1));
} else {
  const port = Number(process.env.OPS_PORT ?? '9464');
  const request = get({ host: '127.0.0.1', port, path: '/health', timeout: DEADLINE_MS }, (response) => {
    response.resume();
    const status = response.statusCode ?? 0;
    process.exit(status >= 200 && status < 300 ? 0 : 1);
  });
  request.once('timeout', () => process.exit(1));
  request.once('error', () => process.exit(1));
}
