export * as inferenceV2 from './gen/inference/grpc_service';
export * as metagraphV1 from './gen/taonode/metagraph/v1/metagraph';
export { INFERENCE_PROTO_FILE, METAGRAPH_PROTO_FILE, PROTO_ROOT } from './proto-files';
