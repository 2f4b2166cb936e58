import { loadBittensorVectors } from '@taonode/testing';
import { readCapturedRequest, type BittensorVectors } from '../../test/support/shared-vectors';
import { BodyHashUnencodableError } from '../errors/body-errors';
import { parseLosslessJson } from '../json/lossless-json-parser';
import { BaseSynapse, Dummy, TextGeneration } from '../synapse/builtins';
import { py } from '../synapse/py-type';
import { defineSynapse } from '../synapse/synapse-definition';
import { bodyHashFieldStrings, computeBodyHash, EMPTY_BODY_HASH } from './body-hash';
import { sha3Hex } from './sha3';

const vectors = loadBittensorVectors<BittensorVectors>().body_hash;

/** The vectors' `HashedQuery` class. */
const HashedQuery = defineSynapse({
  name: 'HashedQuery',
  fields: {
    text: py.str().default(''),
    numbers: py.list(py.int()).default([]),
    score: py.float().default(0),
    meta: py.dict().default(new Map()),
    flag: py.bool().default(false),
  },
  requiredHashFields: ['text', 'numbers', 'score', 'meta', 'flag'],
});

describe('body hash', () => {
  it('is sha3_256("") without hash fields (base Synapse, Dummy)', () => {
    expect(sha3Hex('')).toBe(vectors.empty.expected);
    expect(EMPTY_BODY_HASH).toBe(vectors.empty.expected);
    expect(computeBodyHash(BaseSynapse, BaseSynapse.create({}))).toBe(vectors.empty.expected);
    expect(Dummy.bodyHash(Dummy.create({ dummy_input: 4 }))).toBe(vectors.empty.expected);
  });

  describe('HashedQuery vector', () => {
    const synapse = HashedQuery.validate(
      parseLosslessJson(
        '{"text": "hello", "numbers": [1, 2, 3], "score": 0.5, "meta": {"a": 1, "b": "x"}, "flag": true}',
      ),
    );

    it('renders each field with Python str()', () => {
      expect(bodyHashFieldStrings(HashedQuery, synapse)).toEqual(
        vectors.hashed_query.per_field.map((f) => f.python_str),
      );
    });

    it.each(vectors.hashed_query.per_field)('hashes $field to $sha3_256_hex', ({ python_str, sha3_256_hex }) => {
      expect(sha3Hex(python_str)).toBe(sha3_256_hex);
    });

    it('combines the field hashes into the expected body hash', () => {
      expect(HashedQuery.bodyHash(synapse)).toBe(vectors.hashed_query.expected_body_hash);
    });
  });

  it('reproduces the computed_body_hash of the real TextGeneration request from its body', () => {
    const captured = readCapturedRequest('python-dendrite-request-textgeneration.http');
    const header = captured.headers.find(([name]) => name === 'computed_body_hash')?.[1];
    const synapse = TextGeneration.validate(parseLosslessJson(captured.body.toString('utf8')));
    expect(header).toBe('edf72a6c0ca026f1a7a4a13b6c65d787f4450746f6384356d7202c7614ba9293');
    expect(TextGeneration.bodyHash(synapse)).toBe(header);
  });

  it('hashes what Python sees after coercion: a float field given 16 hashes as "16.0"', () => {
    const fromInt = TextGeneration.create({ prompt: 'p', max_tokens: 1, temperature: 16n, seed: 1 });
    expect(bodyHashFieldStrings(TextGeneration, fromInt)[2]).toBe('16.0');
  });

  it('refuses hashed text Python cannot UTF-8 encode (lone surrogate)', () => {
    const synapse = TextGeneration.create({ prompt: '\ud800', max_tokens: 1, temperature: 0.5, seed: 1 });
    expect(() => TextGeneration.bodyHash(synapse)).toThrow(BodyHashUnencodableError);
  });
});
