import type { CallHandler, PalletModule } from '../../runtime/dispatch-context';
import { GLOBAL_SETTERS, globalSetterHandler, SUBNET_SETTERS, subnetSetterHandler } from './admin-utils-setters';

/**
 * AdminUtils (pallet 19): the sudo / subnet-owner setters of subnet hyperparameters and chain-wide values.
 * Each writes SubtensorModule storage and emits the SubtensorModule event the runtime's setter emits.
 */
export const adminUtilsPallet: PalletModule = {
  name: 'adminUtils',
  calls: {
    ...Object.fromEntries(
      Object.entries(SUBNET_SETTERS).map(([method, definition]): [string, CallHandler] => [
        method,
        subnetSetterHandler(definition),
      ]),
    ),
    ...Object.fromEntries(
      Object.entries(GLOBAL_SETTERS).map(([method, definition]): [string, CallHandler] => [
        method,
        globalSetterHandler(definition),
      ]),
    ),
  },
};
