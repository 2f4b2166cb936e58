import { Injectable } from '@nestjs/common';
import type { OpsProbes, ProbeResult } from '@taonode/observability';
import { SynapseProcessor } from '../jobs/synapse.processor';

/** `/health`: the process is up. `/ready`: the backend is ready and the BullMQ worker is taking jobs. */
@Injectable()
export class InferenceWorkerProbes implements OpsProbes {
  constructor(private readonly processor: SynapseProcessor) {}

  health(): ProbeResult {
    return { ok: true };
  }

  readiness(): ProbeResult {
    return { ok: this.processor.isTakingJobs };
  }
}
