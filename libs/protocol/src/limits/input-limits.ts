/**
 * Bounds on attacker-controlled text, checked before any regex, decoder or big-number conversion sees it. Each
 * bound is far above what a Python client sends, so honest peers never meet it; every input over one fails with
 * the same typed error as any other malformed value. Documented in docs/errors.md ("## protocol").
 */

/**
 * Longest float given as a string (header `timeout`, a float field of a body) that is parsed. Python's longest
 * `repr(float)` is 24 characters and `f"{x:f}"` of the largest double about 330; 1000 leaves room for any
 * formatting a client does, and keeps a digit string of 32 000 characters away from the float grammar.
 */
export const MAX_FLOAT_STRING_LENGTH = 1000;

/**
 * Longest SS58 address decoded: a format-42 account address (1 prefix byte + 32 key bytes + 2 checksum bytes)
 * is 47 or 48 base58 characters, and taonode accepts no other format.
 */
export const MAX_SS58_ADDRESS_LENGTH = 48;

/**
 * Longest `bt_header_dendrite_signature` decoded: `0x` + 128 hex digits is what clients send; btwallet also strips
 * repeated `0x` prefixes, so a few are allowed.
 */
export const MAX_SIGNATURE_HEADER_LENGTH = 256;
