import { isTaonodeError, TaonodeError } from './taonode-error';

class SampleError extends TaonodeError {
  readonly code = 'TAONODE_SAMPLE_FAILED';
  readonly kind = 'unavailable';
}

describe('TaonodeError', () => {
  it('carries code, kind, cause and the subclass name', () => {
    const cause = new Error('socket closed');
    const error = new SampleError('sample failed', { cause });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: 'TAONODE_SAMPLE_FAILED', kind: 'unavailable', name: 'SampleError', cause });
    expect(error.message).toBe('sample failed');
  });

  it('is recognised by type, not by a code an arbitrary object can imitate', () => {
    expect(isTaonodeError(new SampleError('x'))).toBe(true);
    const imitation = Object.assign(new Error('fake'), { code: 'TAONODE_SAMPLE_FAILED', kind: 'unavailable' });
    expect(isTaonodeError(imitation)).toBe(false);
    expect(isTaonodeError({ code: 'TAONODE_CHAIN_TIMEOUT', message: 'x' })).toBe(false);
  });
});
