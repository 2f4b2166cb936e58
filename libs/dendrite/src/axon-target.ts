/** One miner to call: its served axon as the metagraph reports it. */
export interface AxonTarget {
  /** Metagraph uid, carried through to the result for the caller's bookkeeping. */
  readonly uid?: number;
  readonly ip: string;
  readonly port: number;
  /** The axon's hotkey (SS58): signed into the request and, when verifying, the expected response signer. */
  readonly hotkey: string;
}
