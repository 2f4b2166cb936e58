import { startChild, type ChildSpec, type ExitStatus, type SupervisedChild } from './supervised-child';

/**
 * A set of children started in order and stopped in reverse (services before the chain and Redis they depend on),
 * each SIGTERM first and SIGKILL to its whole process group after its grace period. Every child dies with this
 * process anyway (the lifeline watchdog); `stopAll` is the orderly way.
 */
export class ProcessSupervisor {
  readonly #children: SupervisedChild[] = [];
  #stopping = false;

  /** `onUnexpectedExit` hears of a ready child that exited before `stopAll`. */
  constructor(private readonly onUnexpectedExit: (name: string, status: ExitStatus) => void = () => undefined) {}

  /** Starts `spec` and resolves once it is ready (see {@link startChild} for the errors). */
  async start(spec: ChildSpec): Promise<SupervisedChild> {
    if (this.#stopping) {
      throw new Error(`${spec.name}: not started, the supervisor is stopping`);
    }
    const child = await startChild(spec);
    this.#children.push(child);
    void child.exited.then((status) => {
      if (!this.#stopping) {
        this.onUnexpectedExit(spec.name, status);
      }
    });
    if (this.#stopping) {
      // stopAll ran while this child was starting.
      await child.stop();
    }
    return child;
  }

  /** The children's process group ids, in start order. */
  pids(): number[] {
    return this.#children.map((child) => child.pid);
  }

  /** Stops every child, newest first, and resolves when none of them runs any more. */
  async stopAll(): Promise<void> {
    this.#stopping = true;
    for (const child of [...this.#children].reverse()) {
      await child.stop();
    }
  }
}
