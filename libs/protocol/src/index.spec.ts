import { PROTOCOL_PLACEHOLDER } from './index';

describe('placeholder', () => {
  it('loads', () => {
    expect(PROTOCOL_PLACEHOLDER).toBe(1);
  });
});
