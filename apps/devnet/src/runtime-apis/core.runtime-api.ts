import type { RuntimeApiModule } from '../runtime/dispatch-context';
import type { RuntimeVersionInfo } from '../runtime/runtime-version';

/** `Core`: only `version` is served; executing or initializing blocks from outside is not simulated. */
export function createCoreApi(version: RuntimeVersionInfo): RuntimeApiModule {
  return {
    trait: 'Core',
    version: version.apiVersion('Core') ?? 5,
    methods: {
      version: () => version.encoded,
    },
  };
}
