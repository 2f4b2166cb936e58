import { oversizedHeader } from './header-limits';

describe('oversizedHeader', () => {
  it('names a protocol header over its own bound before anything decodes it', () => {
    expect(oversizedHeader({ bt_header_dendrite_hotkey: '5'.repeat(16 * 1024) })).toBe('bt_header_dendrite_hotkey');
    expect(oversizedHeader({ bt_header_dendrite_nonce: '1'.repeat(33) })).toBe('bt_header_dendrite_nonce');
    expect(oversizedHeader({ bt_header_input_obj_prompt: 'A'.repeat(1025) })).toBe('bt_header_input_obj_prompt');
  });

  it('accepts what a Python dendrite sends and leaves other headers to the head limit', () => {
    expect(
      oversizedHeader({
        bt_header_dendrite_hotkey: '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY',
        bt_header_dendrite_signature: `0x${'ab'.repeat(64)}`,
        bt_header_dendrite_nonce: '1718000000123456789',
        'user-agent': 'x'.repeat(4096),
      }),
    ).toBeUndefined();
  });
});
