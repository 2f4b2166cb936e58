import { Controller } from '@nestjs/common';
import { map, type Observable } from 'rxjs';
import { metagraphV1 as pb } from '@taonode/proto';
import { MetagraphQueryService } from './metagraph-query.service';
import {
  toProtoFreshness,
  toProtoHead,
  toProtoHyperparameters,
  toProtoMetagraph,
  toProtoNeuron,
} from './metagraph.mapper';
import { parseBlockNumber, parseNetuid, parseNeuronKey } from './request-parsing';

/** `taonode.metagraph.v1.MetagraphService` over gRPC: parses requests, asks the query service, maps answers. */
@Controller()
@pb.MetagraphServiceControllerMethods()
export class MetagraphController implements pb.MetagraphServiceController {
  constructor(private readonly query: MetagraphQueryService) {}

  async getMetagraph(request: pb.GetMetagraphRequest): Promise<pb.GetMetagraphResponse> {
    const netuid = parseNetuid(request.netuid);
    // proto3 `optional`: absent is undefined; the loader never fills a default for it.
    const answer =
      request.block === undefined || request.block === null
        ? await this.query.latestMetagraph(netuid)
        : await this.query.metagraphAt(netuid, parseBlockNumber(request.block));
    return { metagraph: toProtoMetagraph(answer.value), freshness: toProtoFreshness(answer.freshness) };
  }

  watchMetagraph(request: pb.WatchMetagraphRequest): Observable<pb.WatchMetagraphResponse> {
    return this.query
      .watch(parseNetuid(request.netuid))
      .pipe(
        map((answer) => ({ metagraph: toProtoMetagraph(answer.value), freshness: toProtoFreshness(answer.freshness) })),
      );
  }

  async getNeuron(request: pb.GetNeuronRequest): Promise<pb.GetNeuronResponse> {
    const answer = await this.query.neuron(parseNetuid(request.netuid), parseNeuronKey(request));
    return { neuron: toProtoNeuron(answer.value), freshness: toProtoFreshness(answer.freshness) };
  }

  async getHyperparameters(request: pb.GetHyperparametersRequest): Promise<pb.GetHyperparametersResponse> {
    const answer = await this.query.hyperparameters(parseNetuid(request.netuid));
    return {
      hyperparameters: toProtoHyperparameters(answer.value),
      freshness: toProtoFreshness(answer.freshness),
    };
  }

  getHead(): pb.GetHeadResponse {
    return toProtoHead(this.query.head());
  }
}
