/** What the bench sends: a POST path, the headers in the order they go on the wire, and the body text. */
export interface Http1Post {
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * The whole HTTP/1.1 request as bytes, built once before the clock starts so sending it is one socket.write:
 * request line, `host`, the given headers as they are, `content-length`, then the body.
 */
export function http1PostBytes(host: string, request: Http1Post): Buffer {
  const body = Buffer.from(request.body, 'utf8');
  const lines = [`POST ${request.path} HTTP/1.1`, `host: ${host}`];
  for (const [name, value] of Object.entries(request.headers)) {
    lines.push(`${name}: ${value}`);
  }
  lines.push(`content-length: ${body.length}`, '', '');
  return Buffer.concat([Buffer.from(lines.join('\r\n'), 'latin1'), body]);
}
