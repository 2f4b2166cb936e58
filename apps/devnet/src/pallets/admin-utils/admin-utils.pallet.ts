import { dbWeight, defineCall, NO_CUSTOM_VALIDITY, weighs, type CallDefinition } from '../../runtime/call-definition';
import type { CallHandler, PalletModule } from '../../runtime/dispatch-context';
import {
  GLOBAL_SETTERS,
  globalSetterHandler,
  SUBNET_SETTERS,
  subnetSetterErrors,
  subnetSetterHandler,
} from './admin-utils-setters';

/** AdminUtils setters are benchmarked near one read and one write; every one pays. */
const SETTER_WEIGHT = weighs(dbWeight(14_000_000n, 1, 1));

/** The metadata name of a decorated method: `sudoSetTempo` → `sudo_set_tempo`. */
const metadataName = (method: string): string => method.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

const setterCall = (method: string, errors: readonly string[], dispatch: CallHandler): CallDefinition =>
  defineCall({
    pallet: 'adminUtils',
    name: metadataName(method),
    weight: SETTER_WEIGHT,
    pays: 'Yes',
    validate: NO_CUSTOM_VALIDITY,
    errors,
    dispatch,
  });

/**
 * AdminUtils (pallet 19): the sudo / subnet-owner setters of subnet hyperparameters and chain-wide values.
 * Each writes SubtensorModule storage and emits the SubtensorModule event the runtime's setter emits.
 */
export const adminUtilsPallet: PalletModule = {
  name: 'adminUtils',
  calls: [
    ...Object.entries(SUBNET_SETTERS).map(([method, definition]) =>
      setterCall(method, subnetSetterErrors(definition), subnetSetterHandler(definition)),
    ),
    ...Object.entries(GLOBAL_SETTERS).map(([method, definition]) =>
      setterCall(method, [], globalSetterHandler(definition)),
    ),
  ],
};
