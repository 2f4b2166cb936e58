import { Injectable } from '@nestjs/common';
import type { OpsProbes, ProbeResult } from '@taonode/observability';
import { WeightSetterService } from '../weights/weight-setter.service';

/** `/health`: the process runs. `/ready`: a metagraph update has arrived (chain-sync reachable). */
@Injectable()
export class WeightSetterProbes implements OpsProbes {
  constructor(private readonly service: WeightSetterService) {}

  health(): ProbeResult {
    return { ok: true, details: this.service.status() };
  }

  readiness(): ProbeResult {
    const status = this.service.status();
    return { ok: status.lastBlock !== null, details: status };
  }
}
