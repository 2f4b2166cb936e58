import fc from 'fast-check';
import { pyRepr } from '../python/py-repr';
import { PyTuple, type PyValue } from '../python/py-value';
import type { Signer } from '../signature/signer';
import { PyType, py, type FieldDeclaration, type FieldShape } from '../synapse/py-type';
import {
  defineSynapse,
  SYNAPSE_BASE_FIELD_NAMES,
  type SynapseDefinition,
  type SynapseValues,
} from '../synapse/synapse-definition';
import type { TypeSpec } from '../synapse/type-spec';
import { encodeRequest, type EncodedRequest } from './request-encoder';
import { parseRequest } from './request-parser';
import { encodeSuccessResponse } from './response-encoder';
import { processServerResponse } from './response-parser';

/** Signing is not what these properties test; a deterministic stand-in keeps 1000s of runs fast. */
const fakeSigner: Signer = {
  ss58Address: '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY',
  sign: (message) => Uint8Array.from({ length: 64 }, (_, index) => message[index % message.length] ?? index),
};

/** A request from a fixed dendrite to a fixed axon, signed by {@link fakeSigner}. */
function encodeFixedRequest<S extends FieldShape>(
  definition: SynapseDefinition<S>,
  synapse: SynapseValues<S>,
  nonce: bigint,
): EncodedRequest<S> {
  return encodeRequest({
    definition,
    synapse,
    target: { ip: '10.0.0.1', port: 8091, hotkey: '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty' },
    dendrite: { ip: '10.0.0.2', uuid: 'uuid-1' },
    nonce,
    timeoutSeconds: 12,
    signer: fakeSigner,
  });
}

interface RandomType {
  readonly type: PyType<unknown, unknown>;
  /** Values of this type; `finite` excludes NaN/Infinity (responses refuse them). */
  readonly values: (finite: boolean) => fc.Arbitrary<unknown>;
}

const text = fc.string({ unit: 'binary', maxLength: 12 });
const integer = fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n });
const double = (finite: boolean) => fc.double({ noNaN: finite, noDefaultInfinity: finite });

const anyValue = (finite: boolean): fc.Arbitrary<PyValue> =>
  fc.letrec<{ value: PyValue }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      integer,
      double(finite),
      text,
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('value'), { maxLength: 3 }),
      fc.array(fc.tuple(text, tie('value')), { maxLength: 3 }).map((entries) => new Map<string, PyValue>(entries)),
    ),
  })).value;

const scalarTypes: RandomType[] = [
  { type: py.int(), values: () => integer },
  { type: py.float(), values: double },
  { type: py.str(), values: () => text },
  { type: py.bool(), values: () => fc.boolean() },
  { type: py.any(), values: anyValue },
];

function wrap(inner: RandomType): fc.Arbitrary<RandomType> {
  return fc.constantFrom<RandomType>(
    inner,
    { type: py.optional(inner.type), values: (finite) => fc.option(inner.values(finite), { nil: null }) },
    { type: py.list(inner.type), values: (finite) => fc.array(inner.values(finite), { maxLength: 3 }) },
    {
      type: py.tuple(inner.type),
      values: (finite) =>
        fc.array(inner.values(finite), { maxLength: 3 }).map((items) => new PyTuple(items as PyValue[])),
    },
    {
      type: py.dict(py.str(), inner.type),
      values: (finite) => fc.array(fc.tuple(text, inner.values(finite)), { maxLength: 3 }).map((e) => new Map(e)),
    },
  );
}

const randomType: fc.Arbitrary<RandomType> = fc
  .constantFrom(...scalarTypes)
  .chain((scalar) => fc.oneof(fc.constant(scalar), wrap(scalar), wrap(scalar).chain(wrap)));

const fieldName = fc
  .stringMatching(/^[a-z][a-z0-9_]{0,8}$/)
  .filter((name) => !(SYNAPSE_BASE_FIELD_NAMES as readonly string[]).includes(name) && name !== 'body_hash');

interface RandomSynapse {
  readonly shape: FieldShape;
  readonly values: Record<string, unknown>;
  readonly hashFields: string[];
}

function randomSynapse(finite: boolean): fc.Arbitrary<RandomSynapse> {
  return fc
    .uniqueArray(fc.tuple(fieldName, randomType, fc.boolean()), {
      minLength: 1,
      maxLength: 6,
      selector: ([name]) => name,
    })
    .chain((fields) =>
      fc
        .record({
          values: fc.tuple(...fields.map(([, type]) => type.values(finite))),
          hashMask: fc.array(fc.boolean(), { minLength: fields.length, maxLength: fields.length }),
        })
        .map(({ values, hashMask }) => {
          const shape: Record<string, FieldDeclaration> = {};
          const record: Record<string, unknown> = {};
          fields.forEach(([name, type, hasDefault], index) => {
            const value = values[index];
            shape[name] = hasDefault ? type.type.default(value) : type.type;
            record[name] = value;
          });
          return {
            shape,
            values: record,
            hashFields: fields.map(([name]) => name).filter((_, index) => hashMask[index]),
          };
        }),
    );
}

function describeValues(values: object, names: readonly string[]): string {
  return names.map((name) => pyRepr((values as Record<string, PyValue>)[name] ?? null)).join(' | ');
}

/** Python repr is injective enough here (distinguishes 1 from 1.0, lists from tuples, key order). */
const sameValues = (a: object, b: object, names: readonly string[]) =>
  describeValues(a, names) === describeValues(b, names);

describe('encode → parse round trips of random synapses', () => {
  it('a request parses back to the same values and body hash', () => {
    fc.assert(
      fc.property(
        randomSynapse(false),
        fc.bigInt({ min: 1n, max: 2n ** 63n }),
        ({ shape, values, hashFields }, nonce) => {
          const definition = defineSynapse({
            name: 'RandomSynapse',
            fields: shape,
            requiredHashFields: hashFields,
          });
          const synapse = definition.create(values);
          const request = encodeFixedRequest(definition, synapse, nonce);
          expect(request.body).toMatch(/^[\x20-\x7e]*$/);
          const parsed = parseRequest(definition, { headers: request.headers, body: request.body });
          const names = Object.keys(shape);
          expect(sameValues(parsed.synapse, synapse, names)).toBe(true);
          expect(parsed.bodyHash).toBe(request.bodyHash);
          expect(parsed.headers.dendrite.nonce).toBe(nonce);
          expect([...parsed.headers.inputObjHeaders.keys()]).toEqual(
            definition.requiredFieldNames.filter((name) => values[name] !== null),
          );
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('a success response is read back by the dendrite logic with the same values', () => {
    fc.assert(
      fc.property(randomSynapse(true), ({ shape, values }) => {
        const definition = defineSynapse({ name: 'RandomSynapse', fields: shape });
        const synapse = definition.create(values);
        const request = encodeFixedRequest(definition, synapse, 1n);
        const response = encodeSuccessResponse({ definition, synapse: request.synapse, processTimeSeconds: 0.25 });
        const processed = processServerResponse(definition, request.synapse, response);
        expect(processed.failure).toBeNull();
        expect(processed.statusCode).toBe(200n);
        expect(sameValues(processed.synapse, synapse, Object.keys(shape))).toBe(true);
      }),
      { numRuns: 800 },
    );
  });
});

describe('TypeSpec coverage of the generators', () => {
  it('exercises every composite kind', () => {
    const kinds = new Set<TypeSpec['kind']>();
    fc.assert(
      fc.property(randomType, (t) => {
        kinds.add(t.type.spec.kind);
      }),
      { numRuns: 300 },
    );
    expect([...kinds].sort()).toEqual(
      ['any', 'bool', 'dict', 'float', 'int', 'list', 'optional', 'str', 'tuple'].sort(),
    );
  });
});
