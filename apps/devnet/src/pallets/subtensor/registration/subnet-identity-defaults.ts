/**
 * Default subnet names and token symbols (`get_name_for_subnet`, `get_symbol_for_subnet`) for the first
 * subnets: the root is "root"/Τ, subnets 1–24 carry the lowercase Greek letters (19 uses a plain "t").
 * Beyond the table the runtime falls back to "unknown" and Τ.
 */
const SUBNET_NAMES = [
  'root',
  'apex',
  'omron',
  'templar',
  'targon',
  'kaito',
  'infinite',
  'subvortex',
  'ptn',
  'pretrain',
  'sturdy',
  'dippy',
  'horde',
  'dataverse',
  'palaidn',
  'deval',
  'bitads',
  '3gen',
  'cortex',
  'inference',
  'bitagent',
  'any-any',
  'meta',
  'social',
  'omega',
] as const;

const UPPER_TAU = '\u03a4';

export function defaultSubnetName(netuid: number): string {
  return SUBNET_NAMES[netuid] ?? 'unknown';
}

export function defaultSubnetSymbol(netuid: number): string {
  if (netuid === 0) {
    return UPPER_TAU;
  }
  if (netuid === 19) {
    return 't';
  }
  if (netuid >= 1 && netuid <= 24) {
    // α (U+03B1) … ρ (U+03C1), then σ: the final-sigma code point U+03C2 is skipped.
    const offset = netuid <= 17 ? netuid - 1 : netuid;
    return String.fromCodePoint(0x03b1 + offset);
  }
  return UPPER_TAU;
}
