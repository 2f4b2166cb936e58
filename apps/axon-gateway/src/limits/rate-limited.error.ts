import { TaonodeError } from '@taonode/errors';

/** The caller's IP spent the rate limit shared by every gateway replica (answered 429). */
export class RateLimitedError extends TaonodeError {
  readonly code = 'TAONODE_AXON_RATE_LIMITED';
  readonly kind = 'resource-exhausted';

  constructor() {
    super('Too Many Requests: rate limit exceeded');
  }
}
