import { type ErrorKind, TaonodeError } from '@taonode/errors';

/** Stable codes of the errors `@taonode/process` throws (docs/errors.md, "## process"). */
export type ProcessErrorCode =
  /** The command could not be run at all (not installed, not executable). */
  | 'TAONODE_PROCESS_SPAWN_FAILED'
  /** The process exited before it printed its ready line or answered its ready probe. */
  | 'TAONODE_PROCESS_EXITED'
  /** The process did not become ready before its deadline. */
  | 'TAONODE_PROCESS_NOT_READY'
  /** A port the process needs is taken (see {@link PortInUseError}). */
  | 'TAONODE_PROCESS_PORT_IN_USE';

const KIND_OF: Readonly<Record<ProcessErrorCode, ErrorKind>> = {
  TAONODE_PROCESS_SPAWN_FAILED: 'failed-precondition',
  TAONODE_PROCESS_EXITED: 'unavailable',
  TAONODE_PROCESS_NOT_READY: 'deadline-exceeded',
  TAONODE_PROCESS_PORT_IN_USE: 'failed-precondition',
};

/** A child process that could not be started or did not become ready. Messages are one line unless they quote output. */
export class ProcessError extends TaonodeError {
  /** Transport-independent kind of the failure (see KIND_OF). */
  readonly kind: ErrorKind;

  constructor(
    /** Stable machine-readable code. */
    readonly code: ProcessErrorCode,
    message: string,
  ) {
    super(message);
    this.kind = KIND_OF[code];
  }
}

/** Who holds a listening port, as far as /proc tells (processes of other users may stay anonymous). */
export interface PortHolder {
  readonly pid: number;
  /** The holder's command line, arguments joined by spaces. */
  readonly commandLine: string;
}

/** A port is already in use; the message names it and, when we can see it, the process holding it. */
export class PortInUseError extends ProcessError {
  constructor(
    readonly port: number,
    readonly holder: PortHolder | undefined,
    /** Who wanted the port (e.g. `devnet`). */
    what: string,
  ) {
    const by = holder ? `pid ${holder.pid} (${holder.commandLine})` : 'another program';
    super('TAONODE_PROCESS_PORT_IN_USE', `${what}: port ${port} is already in use by ${by}`);
  }
}
