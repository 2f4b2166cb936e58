/** One whole HTTP/1.1 response as the bench needs it: status, body, and whether the server closes afterwards. */
export interface HttpResponse {
  readonly status: number;
  readonly body: Buffer;
  /** The server said `connection: close` (or spoke HTTP/1.0 without keep-alive): the socket is done. */
  readonly closes: boolean;
}

/** The server sent bytes that are not an HTTP/1.1 response the reader understands. */
export class HttpResponseParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HttpResponseParseError';
  }
}

interface ResponseHead {
  readonly status: number;
  readonly closes: boolean;
  /** Where the body starts in the buffered bytes. */
  readonly bodyStart: number;
  readonly framing: { readonly kind: 'length'; readonly length: number } | { readonly kind: 'chunked' | 'close' };
}

const CRLF = Buffer.from('\r\n', 'latin1');
const HEAD_END = Buffer.from('\r\n\r\n', 'latin1');
const EMPTY = Buffer.alloc(0);
/** Responses that never carry a body whatever their headers say (HEAD is never sent by the bench). */
const BODILESS = new Set([204, 304]);

/**
 * Reads one response at a time from a keep-alive socket's chunks, incrementally: the status line and headers up to
 * CRLFCRLF, then a content-length body, a chunked body, or (no framing) everything until the server closes.
 * Interim 1xx responses are skipped. The bench sends the next request only after the answer, so bytes past a
 * response are kept for the next one, never parsed as part of it.
 */
export class HttpResponseReader {
  private buffered: Buffer = EMPTY;
  private head: ResponseHead | undefined;
  /** Chunked bodies: where the next chunk-size line starts, and the chunks read so far. */
  private chunkCursor = 0;
  private chunks: Buffer[] = [];

  /** Adds bytes from the socket; returns the response once it is whole, otherwise undefined. */
  push(chunk: Buffer): HttpResponse | undefined {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    for (;;) {
      if (this.head === undefined) {
        this.head = this.readHead();
        if (this.head === undefined) {
          return undefined;
        }
        if (this.head.status >= 100 && this.head.status < 200) {
          this.consume(this.head.bodyStart);
          continue;
        }
      }
      return this.readBody(this.head);
    }
  }

  /** The server closed the socket: a response delimited by the close is whole now; anything else is lost. */
  end(): HttpResponse | undefined {
    const head = this.head;
    if (head?.framing.kind !== 'close') {
      return undefined;
    }
    const body = this.buffered.subarray(head.bodyStart);
    this.reset();
    return { status: head.status, body, closes: true };
  }

  private readHead(): ResponseHead | undefined {
    const headEnd = this.buffered.indexOf(HEAD_END);
    if (headEnd < 0) {
      return undefined;
    }
    const lines = this.buffered.toString('latin1', 0, headEnd).split('\r\n');
    const statusLine = /^HTTP\/1\.([01]) (\d{3})/.exec(lines[0] ?? '');
    if (statusLine === null) {
      throw new HttpResponseParseError(`not an HTTP/1.x status line: ${JSON.stringify(lines[0]?.slice(0, 80))}`);
    }
    const status = Number(statusLine[2]);
    let contentLength: number | undefined;
    let chunked = false;
    let connection = '';
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (name === 'content-length') {
        contentLength = Number(value);
        if (!Number.isSafeInteger(contentLength) || contentLength < 0) {
          throw new HttpResponseParseError(`bad content-length: ${value}`);
        }
      } else if (name === 'transfer-encoding') {
        chunked = value.toLowerCase().split(',').pop()?.trim() === 'chunked';
      } else if (name === 'connection') {
        connection = value.toLowerCase();
      }
    }
    const closes = connection.includes('close') || (statusLine[1] === '0' && !connection.includes('keep-alive'));
    const bodyStart = headEnd + HEAD_END.length;
    this.chunkCursor = bodyStart;
    this.chunks = [];
    if (BODILESS.has(status) || (status >= 100 && status < 200)) {
      return { status, closes, bodyStart, framing: { kind: 'length', length: 0 } };
    }
    if (chunked) {
      return { status, closes, bodyStart, framing: { kind: 'chunked' } };
    }
    if (contentLength !== undefined) {
      return { status, closes, bodyStart, framing: { kind: 'length', length: contentLength } };
    }
    return { status, closes: true, bodyStart, framing: { kind: 'close' } };
  }

  private readBody(head: ResponseHead): HttpResponse | undefined {
    switch (head.framing.kind) {
      case 'length': {
        const end = head.bodyStart + head.framing.length;
        if (this.buffered.length < end) {
          return undefined;
        }
        const body = this.buffered.subarray(head.bodyStart, end);
        this.consume(end);
        return { status: head.status, body, closes: head.closes };
      }
      case 'chunked':
        return this.readChunks(head);
      case 'close':
        return undefined;
    }
  }

  /** Walks the chunks from where the last push stopped; the body is whole after the 0-size chunk and trailers. */
  private readChunks(head: ResponseHead): HttpResponse | undefined {
    for (;;) {
      const lineEnd = this.buffered.indexOf(CRLF, this.chunkCursor);
      if (lineEnd < 0) {
        return undefined;
      }
      const sizeText = this.buffered.toString('latin1', this.chunkCursor, lineEnd).split(';')[0]?.trim() ?? '';
      const size = Number.parseInt(sizeText, 16);
      if (!/^[0-9a-fA-F]+$/.test(sizeText) || !Number.isSafeInteger(size)) {
        throw new HttpResponseParseError(`bad chunk size: ${JSON.stringify(sizeText.slice(0, 20))}`);
      }
      const dataStart = lineEnd + CRLF.length;
      if (size === 0) {
        // Trailers (usually none) end with an empty line.
        const trailersEnd = this.buffered.subarray(dataStart, dataStart + CRLF.length).equals(CRLF)
          ? dataStart + CRLF.length
          : this.endOfTrailers(dataStart);
        if (trailersEnd === undefined) {
          return undefined;
        }
        const body = Buffer.concat(this.chunks);
        this.consume(trailersEnd);
        return { status: head.status, body, closes: head.closes };
      }
      const dataEnd = dataStart + size;
      if (this.buffered.length < dataEnd + CRLF.length) {
        return undefined;
      }
      this.chunks.push(this.buffered.subarray(dataStart, dataEnd));
      this.chunkCursor = dataEnd + CRLF.length;
    }
  }

  private endOfTrailers(from: number): number | undefined {
    const at = this.buffered.indexOf(HEAD_END, from);
    return at < 0 ? undefined : at + HEAD_END.length;
  }

  /** Drops a finished response's bytes (or an interim one's) and gets ready for the next head. */
  private consume(end: number): void {
    this.buffered = end >= this.buffered.length ? EMPTY : this.buffered.subarray(end);
    this.head = undefined;
    this.chunkCursor = 0;
    this.chunks = [];
  }

  private reset(): void {
    this.consume(this.buffered.length);
  }
}
