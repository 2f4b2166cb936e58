// Container healthcheck: GET /health on the ops port with a 2 s deadline; no curl in the image.
const port = process.env.OPS_PORT ?? '9464';
try {
  const response = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(2000) });
  process.exit(response.ok ? 0 : 1);
} catch {
  process.exit(1);
}
