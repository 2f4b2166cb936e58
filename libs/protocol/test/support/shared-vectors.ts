import { readFileSync } from 'node:fs';
import { sharedVectorPath } from '@taonode/testing';

/** An HTTP request captured from the real Python dendrite. */
export interface CapturedRequest {
  readonly method: string;
  readonly path: string;
  /** Header pairs in wire order, names as sent. */
  readonly headers: readonly (readonly [string, string])[];
  /** Body bytes exactly as sent. */
  readonly body: Buffer;
}

/** Splits a captured `.http` file (CRLF line endings) into request line, headers and body bytes. */
export function readCapturedRequest(name: string): CapturedRequest {
  const raw = readFileSync(sharedVectorPath(name));
  const separator = raw.indexOf('\r\n\r\n');
  const head = raw.subarray(0, separator).toString('latin1').split('\r\n');
  const [method = '', path = ''] = (head[0] ?? '').split(' ');
  const headers = head.slice(1).map((line): readonly [string, string] => {
    const colon = line.indexOf(':');
    return [line.slice(0, colon), line.slice(colon + 1).trim()];
  });
  const body = raw.subarray(separator + 4);
  const contentLength = Number(headers.find(([key]) => key.toLowerCase() === 'content-length')?.[1]);
  return { method, path, headers, body: body.subarray(0, contentLength) };
}

/** The parts of `bittensor-vectors.json` the protocol tests read (`loadBittensorVectors<BittensorVectors>()`). */
export interface BittensorVectors {
  body_hash: {
    empty: { expected: string };
    hashed_query: {
      per_field: { field: string; python_str: string; sha3_256_hex: string }[];
      expected_body_hash: string;
    };
    python_str_examples: { examples: [string, string][] };
  };
  request_dummy: {
    url: string;
    signing_message: string;
    signing_pubkey: string;
    signature_verify_vector: string;
    headers: Record<string, string>;
    json_body: Record<string, unknown>;
  };
  response_dummy_success: {
    status: number;
    headers: Record<string, string>;
    content_type: string;
  };
  axon_signature: { message: string; signer_pub: string; signature_verify_vector: string };
  error_response_401_example: { status: number; json_body: { message: string }; header_names_present: string[] };
  input_obj_dummy_values: Record<'int' | 'float' | 'str' | 'list' | 'dict' | 'bool', string>;
  nonce_window: {
    ALLOWED_DELTA_ns: number;
    examples_timeout_12: { age_s: number; accepted: boolean }[];
  };
  version_as_int: { examples: Record<string, number> };
  ip_encoding: { examples: [string, number | string, number][] };
  keys: { dev_uris: Record<'//Alice' | '//Bob', [string, string]> };
}
