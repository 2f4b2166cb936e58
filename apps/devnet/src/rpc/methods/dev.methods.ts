import type { NodeContext, RpcMethodTable } from '../node-context';
import { invalidParams } from '../rpc-error';

/** Upper bound for one `dev_newBlock` call, so a typo cannot wedge the node for minutes. */
const MAX_BLOCKS_PER_CALL = 10_000;

/**
 * `dev_newBlock`, as Chopsticks names it: builds blocks now (in any block mode). Accepts
 * `[{ count }]` (Chopsticks' form), `[count]` or nothing; answers the last new block's hash.
 */
export function devMethods(context: NodeContext): RpcMethodTable {
  return {
    dev_newBlock: async (params) => {
      const first = params[0];
      const requested =
        first === undefined || first === null
          ? 1
          : typeof first === 'object'
            ? ((first as { count?: unknown }).count ?? 1)
            : first;
      if (typeof requested !== 'number' || !Number.isSafeInteger(requested) || requested < 1) {
        throw invalidParams('count: expected a positive integer');
      }
      if (requested > MAX_BLOCKS_PER_CALL) {
        throw invalidParams(`count: at most ${MAX_BLOCKS_PER_CALL} blocks per call`);
      }
      const blocks = await context.chain.produceBlocks(requested);
      return blocks[blocks.length - 1]?.hash ?? context.chain.best.hash;
    },
  };
}
