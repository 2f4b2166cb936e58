/** Injection token of the `MetagraphReader` (`@taonode/chain`) chain-sync reads through. */
export const METAGRAPH_READER = Symbol('METAGRAPH_READER');
