import { join } from 'node:path';

/** Root of the `.proto` tree (`/proto`), the include directory every gRPC loader must use. */
export const PROTO_ROOT = join(__dirname, '..', '..', '..', 'proto');

/** `MetagraphService` contract, relative to {@link PROTO_ROOT} as the loader expects. */
export const METAGRAPH_PROTO_FILE = 'taonode/metagraph/v1/metagraph.proto';

/** Open Inference Protocol v2 (`inference.GRPCInferenceService`, Triton/KServe), relative to {@link PROTO_ROOT}. */
export const INFERENCE_PROTO_FILE = 'inference/grpc_service.proto';
