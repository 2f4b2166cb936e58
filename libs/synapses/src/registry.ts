import dummy from './modules/dummy.synapse';
import streamingTextGeneration from './modules/streaming-text-generation.synapse';
import textGeneration from './modules/text-generation.synapse';
import type { SynapseModule } from './synapse-module';

/**
 * Every synapse this node answers. The gateway serves one route per entry (from `synapse`), the worker dispatches
 * jobs to `handle`. A subnet's own synapse: one `*.synapse.ts` file in `modules/`, one line here.
 */
export const SYNAPSE_MODULES: readonly SynapseModule[] = [dummy, textGeneration, streamingTextGeneration];

const BY_NAME = indexByName(SYNAPSE_MODULES);

function indexByName(modules: readonly SynapseModule[]): ReadonlyMap<string, SynapseModule> {
  const byName = new Map<string, SynapseModule>();
  for (const module of modules) {
    // Two handlers for one route would make the answer depend on list order; refuse at load time instead.
    if (byName.has(module.synapse.name)) {
      throw new Error(`two synapse modules answer '${module.synapse.name}'`);
    }
    byName.set(module.synapse.name, module);
  }
  return byName;
}

/** The module answering synapse class `name` (the route), or undefined when this node has none. */
export function findSynapseModule(name: string): SynapseModule | undefined {
  return BY_NAME.get(name);
}
