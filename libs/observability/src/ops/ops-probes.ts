/** Outcome of a health or readiness probe; `details` is served as JSON for humans and dashboards. */
export interface ProbeResult {
  readonly ok: boolean;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** What `/health` and `/ready` ask; each app implements it (chain-sync: head moving / first snapshot written). */
export interface OpsProbes {
  /** Liveness: false means "restart me" (e.g. the chain head stopped moving). */
  health(): ProbeResult | Promise<ProbeResult>;
  /** Readiness: false means "do not send me traffic yet". */
  readiness(): ProbeResult | Promise<ProbeResult>;
}

/** Injection token of the app's {@link OpsProbes}. */
export const OPS_PROBES = Symbol('OPS_PROBES');
