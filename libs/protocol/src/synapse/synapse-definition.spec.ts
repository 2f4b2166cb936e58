import { SynapseValidationError } from '../errors/body-errors';
import { SynapseDefinitionError } from '../errors/local-errors';
import { parseLosslessJson } from '../json/lossless-json-parser';
import { pyStr } from '../python/py-repr';
import { BaseSynapse, Dummy, TextGeneration } from './builtins';
import { py } from './py-type';
import { defineSynapse } from './synapse-definition';

describe('SynapseDefinition', () => {
  it('puts the seven base fields first, then subclass fields in definition order', () => {
    expect(TextGeneration.schema.fields.map((f) => f.name)).toEqual([
      'name',
      'timeout',
      'total_size',
      'header_size',
      'dendrite',
      'axon',
      'computed_body_hash',
      'prompt',
      'max_tokens',
      'temperature',
      'seed',
      'completion',
    ]);
  });

  it('treats fields without default as required (JSON-schema "required")', () => {
    expect(Dummy.requiredFieldNames).toEqual(['dummy_input']);
    expect(TextGeneration.requiredFieldNames).toEqual(['prompt', 'max_tokens', 'temperature', 'seed']);
    expect(BaseSynapse.requiredFieldNames).toEqual([]);
  });

  it('builds a synapse with SDK defaults and forces the class name', () => {
    const synapse = Dummy.validate(
      new Map<string, unknown>([
        ['name', 'Other'],
        ['dummy_input', 4n],
      ]),
    );
    expect(synapse.name).toBe('Dummy');
    expect(synapse.timeout).toBe(12);
    expect(synapse.total_size).toBe(0n);
    expect(synapse.computed_body_hash).toBe('');
    expect(synapse.dendrite?.nonce).toBeNull();
    expect(synapse.dummy_input).toBe(4n);
    expect(synapse.dummy_output).toBeNull();
  });

  it('applies the SDK casters to base fields from a body (timeout "12" → 12.0, total_size "5" → 5)', () => {
    const synapse = Dummy.validate(parseLosslessJson('{"timeout": "12", "total_size": "5", "dummy_input": 1}'));
    expect(pyStr(synapse.timeout)).toBe('12.0');
    expect(synapse.total_size).toBe(5n);
  });

  it('refuses a body without a required field, naming it', () => {
    expect(() => Dummy.validate(new Map())).toThrow(SynapseValidationError);
    try {
      Dummy.validate(new Map());
    } catch (error) {
      expect((error as SynapseValidationError).issues[0]).toMatchObject({ loc: ['dummy_input'], type: 'missing' });
    }
  });

  it('keeps TerminalInfo nonces exact and casts them with int()', () => {
    const synapse = Dummy.validate(
      parseLosslessJson('{"dummy_input": 1, "dendrite": {"nonce": "1795300969081857372", "port": 8091.9}}'),
    );
    expect(synapse.dendrite?.nonce).toBe(1795300969081857372n);
    expect(synapse.dendrite?.port).toBe(8091n);
  });

  it('dumps like model_dump: TerminalInfos become dicts, order kept', () => {
    const dumped = Dummy.dump(Dummy.create({ dummy_input: 4 }));
    expect([...dumped.keys()]).toEqual([
      'name',
      'timeout',
      'total_size',
      'header_size',
      'dendrite',
      'axon',
      'computed_body_hash',
      'dummy_input',
      'dummy_output',
    ]);
    expect(dumped.get('dendrite')).toBeInstanceOf(Map);
  });

  it('exposes the subclass deserialize()', () => {
    expect(Dummy.deserialize({ ...Dummy.create({ dummy_input: 1 }), dummy_output: 8n })).toBe(8n);
    const base = BaseSynapse.create({});
    expect(BaseSynapse.deserialize(base)).toBe(base);
  });

  it('orders hash fields as declared, or in definition order for the deprecated field form', () => {
    const fields = { a: py.int(), b: py.int() };
    expect(defineSynapse({ name: 'X', fields, requiredHashFields: ['b', 'a'] }).requiredHashFields).toEqual(['b', 'a']);
    expect(
      defineSynapse({ name: 'X', fields, requiredHashFields: ['b', 'a'], hashFieldOrder: 'definition' })
        .requiredHashFields,
    ).toEqual(['a', 'b']);
  });

  it('refuses invalid declarations', () => {
    expect(() => defineSynapse({ name: 'X', fields: { timeout: py.float() } })).toThrow(SynapseDefinitionError);
    expect(() => defineSynapse({ name: 'X', fields: { _private: py.int() } })).toThrow(SynapseDefinitionError);
    expect(() => defineSynapse({ name: 'not a class', fields: {} })).toThrow(SynapseDefinitionError);
    expect(() => defineSynapse({ name: 'X', fields: { a: py.int() }, requiredHashFields: ['missing' as 'a'] })).toThrow(
      SynapseDefinitionError,
    );
  });
});
