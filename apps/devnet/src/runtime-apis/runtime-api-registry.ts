import type { RuntimeApiModule } from '../runtime/dispatch-context';
import type { Storage } from '../state/storage';

/** `state_call` of a method no runtime API implements; substrate's executor error text. */
export class RuntimeApiNotFoundError extends Error {
  readonly code = 'TAONODE_DEVNET_RUNTIME_API_NOT_FOUND';

  constructor(readonly method: string) {
    super(`Exported method ${method} is not found`);
  }
}

/** Routes `state_call` names (`<Trait>_<method>`) to the runtime API modules that implement them. */
export class RuntimeApiRegistry {
  private readonly methods = new Map<string, RuntimeApiModule['methods'][string]>();

  constructor(readonly modules: readonly RuntimeApiModule[]) {
    for (const module of modules) {
      for (const [name, method] of Object.entries(module.methods)) {
        this.methods.set(`${module.trait}_${name}`, method);
      }
    }
  }

  call(name: string, storage: Storage, args: Uint8Array): Uint8Array {
    const method = this.methods.get(name);
    if (!method) {
      throw new RuntimeApiNotFoundError(name);
    }
    return method(storage, args);
  }
}
