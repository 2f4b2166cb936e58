import type { DispatchError } from '@polkadot/types/interfaces';
import type { Registry } from '@polkadot/types/types';
import { ChainError } from '../errors/chain.error';

/**
 * A failed dispatch as a {@link ChainError}: pallet errors become `TAONODE_CHAIN_MODULE_ERROR` named
 * `section.name` from the metadata's error enum (`subtensorModule.SettingWeightsTooFast`), with the
 * pallet's documentation in the message; everything else `TAONODE_CHAIN_DISPATCH_ERROR` (`BadOrigin`, `Token.FundsUnavailable`…).
 */
export function dispatchErrorToChainError(registry: Registry, error: DispatchError, what: string): ChainError {
  if (error.isModule) {
    const meta = registry.findMetaError(error.asModule);
    const name = `${meta.section}.${meta.name}`;
    const docs = meta.docs.join(' ').trim();
    return new ChainError('TAONODE_CHAIN_MODULE_ERROR', `${what} failed: ${name}${docs ? ` (${docs})` : ''}`, {
      moduleError: name,
    });
  }
  const inner = (error.value as { type?: unknown } | undefined)?.type;
  const name = typeof inner === 'string' && inner.length > 0 ? `${error.type}.${inner}` : error.type;
  return new ChainError('TAONODE_CHAIN_DISPATCH_ERROR', `${what} failed: ${name}`);
}
