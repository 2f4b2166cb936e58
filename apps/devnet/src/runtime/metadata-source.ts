import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { hexToU8a, isHex, u8aToHex } from '@polkadot/util';
import WebSocket, { type RawData } from 'ws';
import { MetadataUnavailableError } from './runtime-metadata';

/** `RuntimeMetadataPrefixed` starts with the magic `meta`, then the version byte. */
const MAGIC = [0x6d, 0x65, 0x74, 0x61];
const SUPPORTED_VERSIONS = [14, 15, 16];
/** Finney's metadata is ~340 kB; anything far above is not metadata, and is refused before decoding. */
export const MAX_METADATA_BYTES = 8 * 1024 * 1024;
/** Where `--metadata-from` keeps what it fetched (repo-relative `.cache/`, never committed). */
export const FETCHED_METADATA_CACHE_DIR = join(__dirname, '..', '..', '..', '..', '.cache', 'subtensor', 'metadata');
const FETCH_TIMEOUT_MS = 60_000;

/**
 * Reads `RuntimeMetadataPrefixed` from a file, as raw SCALE bytes or as the `0x…` hex `state_getMetadata`
 * returns. Bounded and checked before the expensive decoding: size, magic and a version from V14 to V16.
 */
export function readMetadataFile(file: string): Uint8Array {
  if (!existsSync(file)) {
    throw new MetadataUnavailableError(`metadata file ${file} does not exist`);
  }
  const size = statSync(file).size;
  if (size > MAX_METADATA_BYTES * 2 + 2) {
    throw new MetadataUnavailableError(`metadata file ${file} is ${size} bytes, over the ${MAX_METADATA_BYTES} limit`);
  }
  const raw = readFileSync(file);
  const text = raw.subarray(0, 2).toString('latin1') === '0x' ? raw.toString('latin1').trim() : undefined;
  return checkMetadataBytes(text === undefined ? new Uint8Array(raw) : hexToBytes(text, file), file);
}

/** Checks the prefix and version of metadata bytes; returns them unchanged. */
export function checkMetadataBytes(bytes: Uint8Array, origin: string): Uint8Array {
  if (bytes.length > MAX_METADATA_BYTES) {
    throw new MetadataUnavailableError(`metadata from ${origin} is over the ${MAX_METADATA_BYTES}-byte limit`);
  }
  if (bytes.length < 5 || MAGIC.some((byte, index) => bytes[index] !== byte)) {
    throw new MetadataUnavailableError(`${origin} is not RuntimeMetadataPrefixed (no "meta" magic)`);
  }
  const version = bytes[4] ?? 0;
  if (!SUPPORTED_VERSIONS.includes(version)) {
    throw new MetadataUnavailableError(`${origin} holds metadata V${version}; the devnet serves V14 to V16`);
  }
  return bytes;
}

function hexToBytes(text: string, file: string): Uint8Array {
  if (!isHex(text)) {
    throw new MetadataUnavailableError(`metadata file ${file} starts with 0x but is not hex`);
  }
  return hexToU8a(text);
}

/**
 * `--metadata-from wss://…`: the node's `state_getMetadata`, fetched once and kept under `.cache/` (keyed by
 * the URL), so later runs start without the network. Returns the cached file's path.
 */
export async function fetchMetadataOnce(url: string, cacheDir: string = FETCHED_METADATA_CACHE_DIR): Promise<string> {
  if (!/^wss?:\/\//.test(url)) {
    throw new MetadataUnavailableError(`--metadata-from takes a ws:// or wss:// URL, not ${url}`);
  }
  const file = join(cacheDir, `${createHash('sha256').update(url).digest('hex').slice(0, 16)}.scale`);
  if (existsSync(file)) {
    return file;
  }
  const hex = await rpcString(url, 'state_getMetadata');
  const bytes = checkMetadataBytes(hexToBytes(hex, url), url);
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  writeFileSync(partial, bytes);
  renameSync(partial, file);
  return file;
}

/** One JSON-RPC call answered by a string, over a short-lived websocket with a bounded answer size. */
function rpcString(url: string, method: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { maxPayload: MAX_METADATA_BYTES * 2 + 1024 });
    const timer = setTimeout(() => {
      socket.terminate();
      reject(new MetadataUnavailableError(`${url} did not answer ${method} within ${FETCH_TIMEOUT_MS} ms`));
    }, FETCH_TIMEOUT_MS);
    const fail = (error: Error): void => {
      clearTimeout(timer);
      reject(new MetadataUnavailableError(`${method} from ${url} failed: ${error.message}`));
    };
    socket.once('error', fail);
    socket.once('close', () => fail(new Error('connection closed without an answer')));
    socket.once('open', () => socket.send(JSON.stringify({ jsonrpc: '2.0', id: 1, method, params: [] })));
    socket.once('message', (data: RawData) => {
      clearTimeout(timer);
      socket.removeAllListeners('close');
      socket.close();
      const reply = JSON.parse(messageText(data)) as { result?: unknown; error?: { message?: string } };
      if (typeof reply.result === 'string') {
        resolve(reply.result);
      } else {
        reject(new MetadataUnavailableError(`${method} from ${url}: ${reply.error?.message ?? 'no result'}`));
      }
    });
  });
}

function messageText(data: RawData): string {
  if (Array.isArray(data)) {
    return Buffer.concat(data).toString('utf8');
  }
  return Buffer.from(data as ArrayBuffer).toString('utf8');
}

/** Hex of metadata bytes, as `state_getMetadata` serves them. */
export function metadataHex(bytes: Uint8Array): `0x${string}` {
  return u8aToHex(bytes);
}
