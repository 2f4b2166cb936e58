import type { Chain } from './chain';

/**
 * Produces a block every `intervalMs`, measured from the start of the previous tick so block times do not
 * drift. Non-overlapping: the next tick is scheduled only after the current block is built.
 */
export class BlockTimer {
  private timer: NodeJS.Timeout | undefined;
  private isRunning = false;

  constructor(
    private readonly chain: Chain,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    this.isRunning = true;
    this.schedule(Date.now() + this.intervalMs);
  }

  stop(): void {
    this.isRunning = false;
    clearTimeout(this.timer);
  }

  private schedule(at: number): void {
    if (!this.isRunning) {
      return;
    }
    this.timer = setTimeout(() => void this.tick(at), Math.max(0, at - Date.now()));
  }

  private async tick(scheduledAt: number): Promise<void> {
    try {
      await this.chain.produceBlocks(1);
    } catch (error) {
      process.stderr.write(
        `devnet: block production failed: ${error instanceof Error ? error.stack : String(error)}\n`,
      );
    }
    const next = scheduledAt + this.intervalMs;
    this.schedule(next < Date.now() ? Date.now() : next);
  }
}
