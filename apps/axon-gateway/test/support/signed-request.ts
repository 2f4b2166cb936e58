import { randomUUID } from 'node:crypto';
import {
  BaseSynapse,
  Dummy,
  encodeRequest,
  type EncodedRequest,
  type FieldShape,
  TextGeneration,
} from '@taonode/protocol';
import { StreamingTextGeneration } from '@taonode/synapses';
import { Keypair } from '@taonode/wallet';

export const ALICE = Keypair.fromUri('//Alice');

let lastNonce = 0n;

/** `time.time_ns()` as a Python dendrite sends it, strictly increasing within this process. */
export function freshNonce(): bigint {
  const now = BigInt(Date.now()) * 1_000_000n;
  lastNonce = now > lastNonce ? now : lastNonce + 1n;
  return lastNonce;
}

export interface DummyRequestOptions {
  readonly axonHotkey: string;
  readonly signer?: Keypair;
  readonly dummyInput?: number;
  readonly nonce?: bigint;
  readonly uuid?: string;
  readonly timeoutSeconds?: number;
}

/**
 * `Dummy(dummy_input=4)` exactly as the SDK's dendrite builds it (the request_dummy vector's shape: dendrite ip
 * 203.0.113.7, version 10002000, json.dumps body, input_obj dummies), with a fresh nonce and signature.
 */
export function dummyRequest(options: DummyRequestOptions): EncodedRequest<FieldShape> {
  return encodeRequest({
    definition: Dummy,
    synapse: Dummy.create({ dummy_input: options.dummyInput ?? 4 }),
    target: { ip: '198.51.100.10', port: 8091, hotkey: options.axonHotkey },
    dendrite: { ip: '203.0.113.7', uuid: options.uuid ?? randomUUID() },
    nonce: options.nonce ?? freshNonce(),
    timeoutSeconds: options.timeoutSeconds ?? 12,
    signer: options.signer ?? ALICE,
  });
}

/** `TextGeneration(prompt="hello", …)` as the SDK's dendrite sends it (its hash fields bind the prompt). */
export function textGenerationRequest(options: DummyRequestOptions): EncodedRequest<FieldShape> {
  return encodeRequest({
    definition: TextGeneration,
    synapse: TextGeneration.create({ prompt: 'hello', max_tokens: 8, temperature: 0, seed: 7 }),
    target: { ip: '198.51.100.10', port: 8091, hotkey: options.axonHotkey },
    dendrite: { ip: '203.0.113.7', uuid: options.uuid ?? randomUUID() },
    nonce: options.nonce ?? freshNonce(),
    timeoutSeconds: options.timeoutSeconds ?? 12,
    signer: options.signer ?? ALICE,
  });
}

/** Sends an encoded request to the gateway; returns status, headers and body text. */
export async function send(
  baseUrl: string,
  request: Pick<EncodedRequest<FieldShape>, 'path' | 'headers' | 'body'>,
  extraHeaders: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; body: string }> {
  const response = await fetch(`${baseUrl}${request.path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...request.headers, ...extraHeaders },
    body: request.body,
  });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

/** The base `Synapse` ping (`POST /Synapse`), answered by the axon itself after verification. */
export function pingRequest(options: DummyRequestOptions): EncodedRequest<FieldShape> {
  return encodeRequest({
    definition: BaseSynapse,
    synapse: BaseSynapse.create({}),
    target: { ip: '198.51.100.10', port: 8091, hotkey: options.axonHotkey },
    dendrite: { ip: '203.0.113.7', uuid: options.uuid ?? randomUUID() },
    nonce: options.nonce ?? freshNonce(),
    timeoutSeconds: options.timeoutSeconds ?? 12,
    signer: options.signer ?? ALICE,
  });
}

/** `StreamingTextGeneration(prompt=…)` as the SDK's dendrite sends it. */
export function streamingRequest(options: DummyRequestOptions & { prompt: string }): EncodedRequest<FieldShape> {
  return encodeRequest({
    definition: StreamingTextGeneration,
    synapse: StreamingTextGeneration.create({ prompt: options.prompt, max_tokens: 8, temperature: 0, seed: 7 }),
    target: { ip: '198.51.100.10', port: 8091, hotkey: options.axonHotkey },
    dendrite: { ip: '203.0.113.7', uuid: options.uuid ?? randomUUID() },
    nonce: options.nonce ?? freshNonce(),
    timeoutSeconds: options.timeoutSeconds ?? 12,
    signer: options.signer ?? ALICE,
  });
}
