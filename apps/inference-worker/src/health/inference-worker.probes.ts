import { Injectable } from '@nestjs/common';
import type { OpsProbes, ProbeResult } from '@taonode/observability';

/** `/health` and `/ready`: the process is up; it takes jobs only after its backend is ready (bootstrap). */
@Injectable()
export class InferenceWorkerProbes implements OpsProbes {
  health(): ProbeResult {
    return { ok: true };
  }

  readiness(): ProbeResult {
    return { ok: true };
  }
}
