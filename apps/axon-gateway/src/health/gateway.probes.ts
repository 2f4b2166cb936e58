import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { OpsProbes, ProbeResult } from '@taonode/observability';
import { CallerDirectoryService } from '../caller/caller-directory.service';
import { PRODUCER_REDIS } from '../inference/redis.providers';

/** Health: the process answers. Ready: Redis reachable and a metagraph cached (without one every caller gets 403). */
@Injectable()
export class GatewayProbes implements OpsProbes {
  constructor(
    @Inject(PRODUCER_REDIS) private readonly redis: Redis,
    private readonly callers: CallerDirectoryService,
  ) {}

  health(): ProbeResult {
    return { ok: true };
  }

  readiness(): ProbeResult {
    const redisReady = this.redis.status === 'ready';
    const metagraphBlock = this.callers.directory?.block ?? null;
    return { ok: redisReady && metagraphBlock !== null, details: { redis: redisReady, metagraphBlock } };
  }
}
