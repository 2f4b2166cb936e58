export * as metagraphV1 from './gen/taonode/metagraph/v1/metagraph';
export { METAGRAPH_PROTO_FILE, PROTO_ROOT } from './proto-files';
