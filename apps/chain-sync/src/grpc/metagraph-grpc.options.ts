import type { AsyncMicroserviceOptions } from '@nestjs/microservices';
import { APP_CONFIG } from '@taonode/config';
import { grpcServerOptions } from '@taonode/grpc';
import { METAGRAPH_PROTO_FILE, metagraphV1 } from '@taonode/proto';
import type { ChainSyncConfig } from '../config';

/** The gRPC server of chain-sync, configured from GRPC_HOST/GRPC_PORT once the config is validated. */
export const metagraphGrpcServer: AsyncMicroserviceOptions = {
  inject: [APP_CONFIG],
  useFactory: (config: ChainSyncConfig) =>
    grpcServerOptions({
      url: config.grpc.url,
      packageName: metagraphV1.TAONODE_METAGRAPH_V1_PACKAGE_NAME,
      protoFile: METAGRAPH_PROTO_FILE,
    }),
};
