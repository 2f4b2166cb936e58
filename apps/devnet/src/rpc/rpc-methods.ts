import { authorMethods } from './methods/author.methods';
import { chainMethods } from './methods/chain.methods';
import { devMethods } from './methods/dev.methods';
import { paymentMethods } from './methods/payment.methods';
import { stateMethods } from './methods/state.methods';
import { subtensorMethods } from './methods/subtensor.methods';
import { systemMethods } from './methods/system.methods';
import type { NodeContext } from './node-context';
import type { RpcHandler } from './rpc-server';

/**
 * Every method the devnet answers. `rpc_methods` lists them all, subscription and unsubscription names and
 * the custom ones included: @polkadot/api removes any known RPC that the list leaves out.
 */
export function createRpcMethods(context: NodeContext): ReadonlyMap<string, RpcHandler> {
  const methods = new Map<string, RpcHandler>(
    Object.entries({
      ...systemMethods(context),
      ...chainMethods(context),
      ...stateMethods(context),
      ...authorMethods(context),
      ...paymentMethods(context),
      ...devMethods(context),
      ...subtensorMethods(context),
    }),
  );
  methods.set('rpc_methods', () => ({ methods: [...methods.keys()].sort(), version: 1 }));
  return methods;
}
