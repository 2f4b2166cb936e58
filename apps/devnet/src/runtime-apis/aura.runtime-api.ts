import type { RuntimeApiModule } from '../runtime/dispatch-context';
import { bigintConstant } from '../runtime/runtime-constants';
import type { RuntimeMetadata } from '../runtime/runtime-metadata';

/** `AuraApi`: the slot duration constant and the authorities in storage. */
export function createAuraApi(runtime: RuntimeMetadata): RuntimeApiModule {
  const { registry } = runtime;
  const slotDuration = registry.createType('u64', bigintConstant(runtime, 'aura', 'slotDuration')).toU8a();
  return {
    trait: 'AuraApi',
    version: 1,
    methods: {
      slot_duration: () => slotDuration,
      authorities: (storage) => storage.get('aura', 'authorities').toU8a(),
    },
  };
}
