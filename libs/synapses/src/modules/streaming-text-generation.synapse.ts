import { defineSynapse, TextGeneration } from '@taonode/protocol';
import { boundedGenerationRequest } from '../generation-bounds';
import { defineSynapseModule } from '../synapse-module';

/**
 * A `bittensor.StreamingSynapse` subclass in the SDK's sense (`bittensor/core/stream.py`): its fields are declared
 * like any synapse's (the base class adds none), and what makes it streaming is how it is answered — status 200,
 * `text/event-stream`, the body being the raw chunks. The same inputs and hash fields as `TextGeneration`;
 * `completion` is filled on the final synapse (the joined chunks).
 */
export const StreamingTextGeneration = defineSynapse({
  name: 'StreamingTextGeneration',
  fields: TextGeneration.shape,
  requiredHashFields: ['prompt', 'max_tokens', 'temperature', 'seed'],
  deserialize: (synapse) => synapse.completion,
});

/** Each chunk is the UTF-8 text of one generated token, sent as soon as the token exists. */
export default defineSynapseModule({
  kind: 'streaming',
  synapse: StreamingTextGeneration,
  async *handle(inputs, ctx) {
    const request = boundedGenerationRequest(StreamingTextGeneration.name, inputs, ctx.limits);
    let completion = '';
    for await (const token of ctx.generator.stream(request, ctx.signal)) {
      completion += token;
      yield token;
    }
    return { completion };
  },
});
