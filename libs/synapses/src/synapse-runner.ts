import type { FieldShape } from '@taonode/protocol';
import { decodeSynapseInputs, encodeSynapseOutputs } from './synapse-codec';
import type { SynapseHandlerContext, SynapseModule, SynapseOutputs } from './synapse-module';

/** Receives each streamed chunk in order; the next chunk is produced only after the returned promise settles. */
export type ChunkSink = (chunk: string) => Promise<void>;

/**
 * Runs one request through its module: decode and validate the inputs, call the handler (forwarding chunks of a
 * streaming one to `onChunk`), encode the outputs. Returns the outputs' Python-JSON text.
 */
export async function runSynapseModule<S extends FieldShape>(
  module: SynapseModule<S>,
  inputsJson: string,
  ctx: SynapseHandlerContext,
  onChunk: ChunkSink,
): Promise<string> {
  const inputs = decodeSynapseInputs(module, inputsJson);
  let outputs: SynapseOutputs<S>;
  switch (module.kind) {
    case 'unary':
      outputs = await module.handle(inputs, ctx);
      break;
    case 'streaming': {
      const chunks = module.handle(inputs, ctx);
      for (;;) {
        const next = await chunks.next();
        if (next.done === true) {
          outputs = next.value;
          break;
        }
        await onChunk(next.value);
      }
      break;
    }
  }
  return encodeSynapseOutputs(outputs);
}
