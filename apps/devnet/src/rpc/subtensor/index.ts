export { subtensorRpcMethods, SubtensorRpcParamsError, type SubtensorRpcMethod } from './subtensor-rpc-methods';
