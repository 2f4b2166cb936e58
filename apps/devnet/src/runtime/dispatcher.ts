import type { Storage } from '../state/storage';
import type { CallRegistry } from './call-registry';
import {
  OtherDispatchError,
  type CallInvocation,
  type DispatchContext,
  type Origin,
  type PostDispatchInfo,
} from './dispatch-context';
import type { EventSink } from './event-sink';

/** Where a call runs: the block's storage view, its events and its number. */
export interface DispatchEnvironment {
  readonly storage: Storage;
  readonly events: EventSink;
  readonly blockNumber: number;
}

/**
 * Routes a decoded call to its definition's handler. Calls that the metadata has but no pallet simulates are
 * refused before they reach a block (see `isSimulated`), and fail with `DispatchError::Other` when they
 * arrive nested inside sudo or utility.
 */
export class Dispatcher {
  constructor(private readonly calls: CallRegistry) {}

  isSimulated(call: CallInvocation): boolean {
    return this.calls.find(call) !== undefined;
  }

  /**
   * Runs a call with `origin`. Throws the call's dispatch error (DispatchError, TokenDispatchError, ...);
   * the caller decides whether the surrounding storage layer is discarded.
   */
  dispatch(call: CallInvocation, origin: Origin, environment: DispatchEnvironment): PostDispatchInfo | undefined {
    const handler = this.calls.find(call)?.dispatch;
    if (!handler) {
      throw new OtherDispatchError('Other');
    }
    const context: DispatchContext = {
      storage: environment.storage,
      origin,
      blockNumber: environment.blockNumber,
      deposit: (pallet, event, fields) => environment.events.deposit(pallet, event, fields),
      dispatchNested: (nested, nestedOrigin) => {
        environment.events.transactional(environment.storage, () => this.dispatch(nested, nestedOrigin, environment));
      },
    };
    return handler(context, call.args) ?? undefined;
  }
}
