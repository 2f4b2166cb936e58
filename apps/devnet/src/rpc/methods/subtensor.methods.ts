import { isHex } from '@polkadot/util';
import { subtensorRpcMethods } from '../../pallets/subtensor';
import type { Hex } from '../../state/block-state';
import { storageAt, type NodeContext, type RpcMethodTable } from '../node-context';

/** A trailing 32-byte hex parameter: the optional `at` block hash every subtensor custom RPC ends with. */
function splitAt(params: readonly unknown[]): { args: unknown[]; at: Hex | undefined } {
  const last = params[params.length - 1];
  if (typeof last === 'string' && isHex(last) && last.length === 66) {
    return { args: params.slice(0, -1), at: last.toLowerCase() as Hex };
  }
  const args = last === null ? params.slice(0, -1) : [...params];
  return { args, at: undefined };
}

/**
 * The subtensor node's custom RPCs (`neuronInfo_*`, `subnetInfo_*`, ...) implemented by the subtensor pallet
 * module: each gets the storage as of the requested block and the params without the trailing block hash.
 */
export function subtensorMethods(context: NodeContext): RpcMethodTable {
  return Object.fromEntries(
    Object.entries(subtensorRpcMethods).map(([name, method]) => [
      name,
      (params: readonly unknown[]) => {
        const { args, at } = splitAt(params);
        return method(storageAt(context, at), args, context.runtime.apis);
      },
    ]),
  );
}
