import * as net from 'node:net';
import { type HttpResponse, HttpResponseReader } from './http-response-reader';

/** The server closed the socket (or it failed) before the in-flight request's answer was whole. */
export class ConnectionClosedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConnectionClosedError';
  }
}

interface InFlight {
  readonly resolve: (response: HttpResponse) => void;
  readonly reject: (error: Error) => void;
}

/**
 * A lean HTTP/1.1 keep-alive client on one node:net socket, one request at a time: the caller hands over the whole
 * request already encoded (one socket.write), the answer is read incrementally. It exists so the miner bench's load
 * generator spends as little CPU as possible on the 2 cores it shares with the system it measures (undici costs
 * about 0.2 ms per request). A socket the server closes is replaced on the next request.
 */
export class KeepAliveConnection {
  private socket: net.Socket | undefined;
  private reader = new HttpResponseReader();
  private inFlight: InFlight | undefined;
  /** Sockets opened after the first, because the server closed the previous one. */
  private reconnectCount = 0;

  private constructor(
    private readonly host: string,
    private readonly port: number,
  ) {}

  static async open(host: string, port: number): Promise<KeepAliveConnection> {
    const connection = new KeepAliveConnection(host, port);
    await connection.connect();
    return connection;
  }

  get reconnects(): number {
    return this.reconnectCount;
  }

  /** Writes one encoded request and resolves with its whole answer; rejects with ConnectionClosedError. */
  request(bytes: Buffer): Promise<HttpResponse> {
    if (this.inFlight !== undefined) {
      return Promise.reject(new Error('KeepAliveConnection: one request at a time'));
    }
    if (this.socket !== undefined && !this.socket.writable) {
      // The server's FIN arrived while the socket was idle and 'close' has not fired yet.
      this.drop(this.socket);
    }
    const socket = this.socket;
    if (socket === undefined) {
      this.reconnectCount += 1;
      return this.connect().then(() => this.request(bytes));
    }
    // Not an async function: the hot path creates one promise per request, not two.
    return new Promise<HttpResponse>((resolve, reject) => {
      this.inFlight = { resolve, reject };
      socket.write(bytes);
    });
  }

  close(): void {
    this.socket?.destroy();
    this.socket = undefined;
  }

  private connect(): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: this.host, port: this.port, noDelay: true });
      const failed = (error: Error): void => reject(error);
      socket.once('error', failed);
      socket.once('connect', () => {
        socket.off('error', failed);
        this.attach(socket);
        resolve();
      });
    });
  }

  private attach(socket: net.Socket): void {
    this.socket = socket;
    this.reader = new HttpResponseReader();
    socket.on('data', (chunk: Buffer) => this.onData(socket, chunk));
    // 'close' always follows 'error'; the in-flight request fails there.
    socket.on('error', () => undefined);
    socket.on('close', () => this.onClose(socket));
  }

  private onData(socket: net.Socket, chunk: Buffer): void {
    const inFlight = this.inFlight;
    if (inFlight === undefined || socket !== this.socket) {
      return;
    }
    let response: HttpResponse | undefined;
    try {
      response = this.reader.push(chunk);
    } catch (error) {
      this.inFlight = undefined;
      this.drop(socket);
      inFlight.reject(error as Error);
      return;
    }
    if (response !== undefined) {
      this.inFlight = undefined;
      if (response.closes) {
        this.drop(socket);
      }
      inFlight.resolve(response);
    }
  }

  private onClose(socket: net.Socket): void {
    if (this.socket !== socket) {
      // Already dropped; a request in flight now belongs to its successor.
      return;
    }
    this.socket = undefined;
    const inFlight = this.inFlight;
    if (inFlight === undefined) {
      return;
    }
    this.inFlight = undefined;
    const response = this.reader.end();
    if (response === undefined) {
      inFlight.reject(new ConnectionClosedError('the server closed the connection before the answer was whole'));
    } else {
      inFlight.resolve(response);
    }
  }

  /** Forgets a socket that must not carry another request (server said close, or it spoke garbage). */
  private drop(socket: net.Socket): void {
    if (this.socket === socket) {
      this.socket = undefined;
    }
    socket.destroy();
  }
}
