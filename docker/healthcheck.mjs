// Container healthcheck, no curl in the image: GET /health on the ops port with a 2 s deadline; for a service
// without an ops server (the devnet) HEALTHCHECK_TCP_PORT makes it a TCP connect to that port instead.
import { connect } from 'node:net';

const tcpPort = process.env.HEALTHCHECK_TCP_PORT;
if (tcpPort) {
  const socket = connect({ host: '127.0.0.1', port: Number(tcpPort), timeout: 2000 });
  socket.once('connect', () => {
    socket.destroy();
    process.exit(0);
  });
  socket.once('timeout', () => process.exit(1));
  socket.once('error', () => process.exit(1));
} else {
  const port = process.env.OPS_PORT ?? '9464';
  try {
    const response = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(2000) });
    process.exit(response.ok ? 0 : 1);
  } catch {
    process.exit(1);
  }
}
