import { TextGeneration } from '@taonode/protocol';
import { boundedGenerationRequest } from '../generation-bounds';
import { defineSynapseModule } from '../synapse-module';

/** Prompt in, completion out, from the configured backend (greedy at temperature 0, otherwise seeded sampling). */
export default defineSynapseModule({
  kind: 'unary',
  synapse: TextGeneration,
  async handle(inputs, ctx) {
    const request = boundedGenerationRequest(TextGeneration.name, inputs, ctx.limits);
    const result = await ctx.generator.generate(request, ctx.signal);
    return { completion: result.text };
  },
});
