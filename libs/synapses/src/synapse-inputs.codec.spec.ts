import { Dummy, TextGeneration } from '@taonode/protocol';
import { findSynapseModule } from './registry';
import { decodeSynapseInputs, encodeSynapseInputs } from './synapse-codec';

describe('encodeSynapseInputs', () => {
  it('writes only the synapse’s own fields, exact beyond 2^53', () => {
    const synapse = Dummy.create({ dummy_input: 9007199254740993n, timeout: 3 });
    expect(encodeSynapseInputs(Dummy, synapse)).toBe('{"dummy_input":9007199254740993,"dummy_output":null}');
  });

  it('round-trips through the worker’s decoder', () => {
    const module = findSynapseModule('TextGeneration');
    if (module === undefined) {
      throw new Error('TextGeneration is a built-in');
    }
    const sent = TextGeneration.create({ prompt: 'héllo "x"', max_tokens: 8n, temperature: 0.5, seed: 2n ** 63n });
    const received = decodeSynapseInputs(module, encodeSynapseInputs(TextGeneration, sent)) as Record<string, unknown>;
    expect([received.prompt, received.max_tokens, received.temperature, received.seed]).toEqual([
      'héllo "x"',
      8n,
      0.5,
      2n ** 63n,
    ]);
  });
});
