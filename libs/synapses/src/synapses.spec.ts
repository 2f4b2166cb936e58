import { BadSynapseInputError } from './bad-synapse-input.error';
import { findSynapseModule, SYNAPSE_MODULES } from './registry';
import type { SynapseHandlerContext, SynapseModule } from './synapse-module';
import { runSynapseModule } from './synapse-runner';
import {
  collectGeneration,
  type GenerationRequest,
  type GenerationResult,
  type TextGenerator,
} from './text-generator.port';

/** A generator that answers with the prompt reversed, token by token, and records what it was asked. */
class ReversingGenerator implements TextGenerator {
  readonly requests: GenerationRequest[] = [];

  generate(request: GenerationRequest): Promise<GenerationResult> {
    this.requests.push(request);
    const text = this.tokens(request).join('');
    return Promise.resolve({ text, tokenCount: text.length });
  }

  async *stream(request: GenerationRequest): AsyncIterable<string> {
    this.requests.push(request);
    for (const token of this.tokens(request)) {
      await Promise.resolve();
      yield token;
    }
  }

  private tokens(request: GenerationRequest): string[] {
    return [...request.prompt].reverse().slice(0, request.maxTokens);
  }
}

function context(generator: TextGenerator = new ReversingGenerator()): SynapseHandlerContext {
  return {
    generator,
    limits: { maxTokens: 64, maxPromptBytes: 16 },
    signal: new AbortController().signal,
    requestId: 'spec',
  };
}

function moduleNamed(name: string): SynapseModule {
  const found = findSynapseModule(name);
  if (found === undefined) {
    throw new Error(`no module ${name}`);
  }
  return found;
}

async function run(name: string, inputsJson: string, ctx = context()): Promise<{ outputs: string; chunks: string[] }> {
  const chunks: string[] = [];
  const outputs = await runSynapseModule(moduleNamed(name), inputsJson, ctx, (chunk) => {
    chunks.push(chunk);
    return Promise.resolve();
  });
  return { outputs, chunks };
}

describe('synapse registry', () => {
  it('serves the three built-ins under their Python class names', () => {
    expect(SYNAPSE_MODULES.map((m) => [m.synapse.name, m.kind])).toEqual([
      ['Dummy', 'unary'],
      ['TextGeneration', 'unary'],
      ['StreamingTextGeneration', 'streaming'],
    ]);
    expect(findSynapseModule('Nope')).toBeUndefined();
  });

  it('declares StreamingTextGeneration with the same hashed inputs as TextGeneration', () => {
    expect(moduleNamed('StreamingTextGeneration').synapse.requiredHashFields).toEqual(
      moduleNamed('TextGeneration').synapse.requiredHashFields,
    );
  });
});

describe('built-in handlers', () => {
  it('Dummy answers dummy_input * 2, exact beyond 2^53', async () => {
    expect((await run('Dummy', '{"dummy_input": 4}')).outputs).toBe('{"dummy_output":8}');
    expect((await run('Dummy', '{"dummy_input": 9007199254740993}')).outputs).toBe(
      '{"dummy_output":18014398509481986}',
    );
  });

  it('TextGeneration passes the bounded request to the generator and returns the completion', async () => {
    const generator = new ReversingGenerator();
    const { outputs } = await run(
      'TextGeneration',
      '{"prompt": "abc", "max_tokens": 2, "temperature": 0.5, "seed": 18446744073709551621}',
      context(generator),
    );
    expect(outputs).toBe('{"completion":"cb"}');
    expect(generator.requests).toEqual([
      { prompt: 'abc', maxTokens: 2, temperature: 0.5, seed: 18446744073709551621n },
    ]);
  });

  it('StreamingTextGeneration yields one chunk per token and the joined text as completion', async () => {
    const { outputs, chunks } = await run(
      'StreamingTextGeneration',
      '{"prompt": "héllo", "max_tokens": 8, "temperature": 0.0, "seed": 1}',
    );
    expect(chunks).toEqual(['o', 'l', 'l', 'é', 'h']);
    expect(outputs).toBe('{"completion":"olléh"}');
  });
});

describe('bad input is a BadSynapseInputError before the generator is called', () => {
  const cases: [string, string][] = [
    ['max_tokens over the cap', '{"prompt": "a", "max_tokens": 65, "temperature": 0.0, "seed": 1}'],
    ['max_tokens zero', '{"prompt": "a", "max_tokens": 0, "temperature": 0.0, "seed": 1}'],
    ['prompt over the byte bound', '{"prompt": "ééééééééé", "max_tokens": 1, "temperature": 0.0, "seed": 1}'],
    ['empty prompt', '{"prompt": "", "max_tokens": 1, "temperature": 0.0, "seed": 1}'],
    ['negative temperature', '{"prompt": "a", "max_tokens": 1, "temperature": -1.0, "seed": 1}'],
    ['infinite temperature', '{"prompt": "a", "max_tokens": 1, "temperature": Infinity, "seed": 1}'],
    ['a missing field', '{"prompt": "a", "max_tokens": 1, "seed": 1}'],
    ['a field of the wrong type', '{"prompt": "a", "max_tokens": "many", "temperature": 0.0, "seed": 1}'],
    ['text that is not JSON', '{"prompt": '],
    ['JSON that is not an object', '[1, 2]'],
  ];

  it.each(cases)('%s', async (_label, inputsJson) => {
    for (const name of ['TextGeneration', 'StreamingTextGeneration']) {
      const generator = new ReversingGenerator();
      await expect(run(name, inputsJson, context(generator))).rejects.toBeInstanceOf(BadSynapseInputError);
      expect(generator.requests).toEqual([]);
    }
  });

  it('Dummy with a non-integer input', async () => {
    await expect(run('Dummy', '{"dummy_input": "x"}')).rejects.toBeInstanceOf(BadSynapseInputError);
  });
});

describe('collectGeneration', () => {
  it('joins the streamed tokens and counts tokens, not characters', async () => {
    async function* tokens(): AsyncIterable<string> {
      yield 'é';
      await Promise.resolve();
      yield 'ab';
      yield '';
    }
    await expect(collectGeneration(tokens())).resolves.toEqual({ text: 'éab', tokenCount: 3 });
  });

  it('passes on a stream that fails', async () => {
    async function* failing(): AsyncIterable<string> {
      yield 'a';
      await Promise.resolve();
      throw new Error('aborted');
    }
    await expect(collectGeneration(failing())).rejects.toThrow('aborted');
  });
});
