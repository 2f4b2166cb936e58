import { loadRuntimeMetadata } from '../runtime/runtime-metadata';
import { decodeExtrinsic, eraBirth, eraDeath } from './decoded-extrinsic';
import { BadExtrinsicFormatError } from './transaction-validity';

describe('era arithmetic (sp_runtime::generic::Era)', () => {
  it('finds the birth block a mortal transaction was signed against, as seen from later blocks', () => {
    const era = { kind: 'mortal', period: 4, phase: 12 % 4 } as const;
    expect(eraBirth(era, 13)).toBe(12);
    expect(eraBirth(era, 15)).toBe(12);
    expect(eraDeath(era, 13)).toBe(16);
    // From block 16 on, the same era names block 16: the signature no longer matches (expired).
    expect(eraBirth(era, 16)).toBe(16);
  });

  it('places the birth of an era whose phase lies ahead of the chain in the future', () => {
    expect(eraBirth({ kind: 'mortal', period: 64, phase: 42 }, 3)).toBe(42);
  });

  it('treats immortal transactions as born at genesis and never dying', () => {
    expect(eraBirth({ kind: 'immortal' }, 1234)).toBe(0);
    expect(eraDeath({ kind: 'immortal' }, 1234)).toBe(Number.MAX_SAFE_INTEGER);
  });
});

describe('decodeExtrinsic', () => {
  const { registry } = loadRuntimeMetadata();

  it('decodes an unsigned timestamp inherent with its call and hash', () => {
    const bytes = registry.createType(
      'Extrinsic',
      registry.createType('Call', { callIndex: [2, 0], args: { now: 5 } }),
    );
    const decoded = decodeExtrinsic(registry, bytes.toHex());
    expect(decoded.call.section).toBe('timestamp');
    expect(decoded.call.method).toBe('set');
    expect(decoded.call.args.now?.toString()).toBe('5');
    expect(decoded.signed).toBeUndefined();
    expect(decoded.length).toBe(bytes.toU8a().length);
  });

  it('rejects non-hex input, undecodable bytes and trailing bytes as bad format', () => {
    expect(() => decodeExtrinsic(registry, 42)).toThrow(BadExtrinsicFormatError);
    expect(() => decodeExtrinsic(registry, '0x1234')).toThrow(BadExtrinsicFormatError);
    const bytes = registry.createType(
      'Extrinsic',
      registry.createType('Call', { callIndex: [2, 0], args: { now: 5 } }),
    );
    expect(() => decodeExtrinsic(registry, `${bytes.toHex()}00`)).toThrow(BadExtrinsicFormatError);
  });
});
