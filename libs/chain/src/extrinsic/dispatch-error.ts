import type { DispatchError } from '@polkadot/types/interfaces';
import type { Registry } from '@polkadot/types/types';
import { stringCamelCase } from '@polkadot/util';
import { ChainError } from '../errors/chain.error';
import { customRefusalCode, poolRefusalModuleError, type RefusedCall } from '../errors/pool-refusal';

/**
 * A failed dispatch as a {@link ChainError}: pallet errors become `TAONODE_CHAIN_MODULE_ERROR` named
 * `section.name` from the metadata's error enum (`subtensorModule.SettingWeightsTooFast`), with the
 * pallet's documentation in the message; everything else `TAONODE_CHAIN_DISPATCH_ERROR` (`BadOrigin`, `Token.FundsUnavailable`…).
 */
export function dispatchErrorToChainError(registry: Registry, error: DispatchError, what: string): ChainError {
  if (error.isModule) {
    const meta = registry.findMetaError(error.asModule);
    return moduleChainError(`${meta.section}.${meta.name}`, meta.docs, `${what} failed`);
  }
  const inner = (error.value as { type?: unknown } | undefined)?.type;
  const name = typeof inner === 'string' && inner.length > 0 ? `${error.type}.${inner}` : error.type;
  return new ChainError('TAONODE_CHAIN_DISPATCH_ERROR', `${what} failed: ${name}`);
}

/**
 * A pool refusal `1010 … Custom error: n` of `call` as the same `TAONODE_CHAIN_MODULE_ERROR` its failed
 * extrinsic would be (`subtensorModule.SettingWeightsTooFast`…; the table is `SUBTENSOR_POOL_REFUSALS`), or
 * undefined when it is no custom refusal, the code names no pallet error for that call, or the served
 * metadata lacks that error.
 */
export function poolRefusalError(
  registry: Registry,
  rejection: unknown,
  call: RefusedCall,
  what: string,
): ChainError | undefined {
  const message = rejection instanceof Error ? rejection.message : String(rejection);
  const code = customRefusalCode(message);
  const name = code === undefined ? undefined : poolRefusalModuleError(code, call);
  if (code === undefined || name === undefined) {
    return undefined;
  }
  const [section = '', errorName = ''] = name.split('.');
  const meta = metadataError(registry, section, errorName);
  if (meta === undefined) {
    return undefined;
  }
  return moduleChainError(name, meta.docs, `${what} refused at submission (Custom error: ${code})`, rejection);
}

function moduleChainError(name: string, docs: readonly unknown[], prefix: string, cause?: unknown): ChainError {
  const text = docs.map(String).join(' ').trim();
  return new ChainError('TAONODE_CHAIN_MODULE_ERROR', `${prefix}: ${name}${text ? ` (${text})` : ''}`, {
    moduleError: name,
    cause,
  });
}

/** The metadata's entry for error `name` of pallet `section` (decorated camelCase), if the runtime has it. */
function metadataError(registry: Registry, section: string, name: string): { docs: readonly unknown[] } | undefined {
  const pallets = registry.metadata.pallets;
  const pallet = pallets.find((candidate) => stringCamelCase(candidate.name.toString()) === section);
  if (pallet === undefined || pallet.errors.isNone) {
    return undefined;
  }
  const lookup = registry.lookup.getSiType(pallet.errors.unwrap().type);
  const variant = lookup.def.isVariant
    ? lookup.def.asVariant.variants.find((candidate) => candidate.name.toString() === name)
    : undefined;
  return variant === undefined ? undefined : { docs: variant.docs.map((line) => line.toString()) };
}
