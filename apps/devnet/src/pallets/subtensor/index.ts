import type { RuntimeApiModule } from '../../runtime/dispatch-context';
import type { Storage } from '../../state/storage';

export { adminUtilsPallet } from '../admin-utils';
export { applySubtensorGenesis, type GenesisNeuron, type GenesisSubnet, type SubtensorGenesis } from './genesis';
export { DEV_SUBNET_HYPERPARAMETERS, type SubnetHyperparameters } from './hyperparameters';
export { subtensorPallet } from './subtensor.pallet';
export { SubtensorCustomError, validateSubtensorTransaction } from './transaction/subtensor-transaction-validity';

export const subtensorRuntimeApis: RuntimeApiModule[] = [];

export const subtensorRpcMethods: Record<string, (storage: Storage, params: unknown[]) => unknown> = {};
