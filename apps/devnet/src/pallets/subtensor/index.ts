export { adminUtilsPallet } from '../admin-utils';
export { applySubtensorGenesis, type GenesisNeuron, type GenesisSubnet, type SubtensorGenesis } from './genesis';
export { DEV_SUBNET_HYPERPARAMETERS, type SubnetHyperparameters } from './hyperparameters';
export { subtensorPallet } from './subtensor.pallet';
export { subtensorStartCall } from './registration/start-call';
export { subtensorTimelockedCalls } from './weights/timelocked-calls';
export { SubtensorCustomError } from './transaction/subtensor-transaction-validity';
export { subtensorRuntimeApis } from '../../runtime-apis/subtensor';
export { subtensorRpcMethods } from '../../rpc/subtensor';
