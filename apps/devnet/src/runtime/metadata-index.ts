import type { Si1Variant } from '@polkadot/types/interfaces';
import { stringCamelCase } from '@polkadot/util';
import type { RuntimeMetadata } from './runtime-metadata';

/** One variant of a pallet's event or error enum, with the lookup type names of its fields. */
export interface VariantInfo {
  readonly index: number;
  readonly name: string;
  readonly fieldTypes: readonly string[];
}

/** A pallet as the metadata declares it, addressed by its decorated (camelCase) name. */
export interface PalletInfo {
  readonly index: number;
  readonly name: string;
  readonly events: ReadonlyMap<string, VariantInfo>;
  readonly errors: ReadonlyMap<string, VariantInfo>;
}

export class UnknownMetadataItemError extends Error {
  readonly code = 'TAONODE_DEVNET_UNKNOWN_METADATA_ITEM';
}

/**
 * Pallet, event and error indices read from the real metadata, so every event and module error the devnet
 * emits carries the exact indices the client's registry expects (`registry.findMetaError` names them).
 */
export class MetadataIndex {
  private readonly pallets = new Map<string, PalletInfo>();

  constructor(runtime: RuntimeMetadata) {
    const { registry } = runtime;
    for (const pallet of runtime.metadata.asLatest.pallets) {
      const variants = (type: Si1Variant[] | undefined): Map<string, VariantInfo> =>
        new Map(
          (type ?? []).map((variant) => [
            variant.name.toString(),
            {
              index: variant.index.toNumber(),
              name: variant.name.toString(),
              fieldTypes: variant.fields.map((field) => registry.createLookupType(field.type)),
            },
          ]),
        );
      const enumVariants = (typeId: Parameters<typeof registry.lookup.getSiType>[0] | undefined) =>
        typeId === undefined ? undefined : registry.lookup.getSiType(typeId).def.asVariant.variants.toArray();
      this.pallets.set(stringCamelCase(pallet.name.toString()), {
        index: pallet.index.toNumber(),
        name: pallet.name.toString(),
        events: variants(enumVariants(pallet.events.isSome ? pallet.events.unwrap().type : undefined)),
        errors: variants(enumVariants(pallet.errors.isSome ? pallet.errors.unwrap().type : undefined)),
      });
    }
  }

  pallet(name: string): PalletInfo {
    const pallet = this.pallets.get(name);
    if (!pallet) {
      throw new UnknownMetadataItemError(`pallet ${name} is not in the metadata`);
    }
    return pallet;
  }

  event(pallet: string, event: string): { readonly pallet: PalletInfo; readonly variant: VariantInfo } {
    const info = this.pallet(pallet);
    const variant = info.events.get(event);
    if (!variant) {
      throw new UnknownMetadataItemError(`event ${pallet}.${event} is not in the metadata`);
    }
    return { pallet: info, variant };
  }

  error(pallet: string, error: string): { readonly pallet: PalletInfo; readonly variant: VariantInfo } {
    const info = this.pallet(pallet);
    const variant = info.errors.get(error);
    if (!variant) {
      throw new UnknownMetadataItemError(`error ${pallet}.${error} is not in the metadata`);
    }
    return { pallet: info, variant };
  }
}
