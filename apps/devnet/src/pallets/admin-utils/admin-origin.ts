import { OtherDispatchError, type Origin } from '../../runtime/dispatch-context';
import type { Storage } from '../../state/storage';

/**
 * `ensure_subnet_owner_or_root`: root, or a signed origin that is the subnet's owner coldkey; anyone else
 * fails with `BadOrigin`.
 */
export function ensureSubnetOwnerOrRoot(storage: Storage, origin: Origin, netuid: number): void {
  switch (origin.kind) {
    case 'root':
      return;
    case 'signed':
      if (storage.get('subtensorModule', 'subnetOwner', netuid).toString() !== origin.account) {
        throw new OtherDispatchError('BadOrigin');
      }
  }
}
