/**
 * Child-process supervision for `taonode start` and the test launchers: free ports and who holds a taken one,
 * children started with ready-line and ready-URL detection and deadlines, log files, ordered stop (SIGTERM, then
 * SIGKILL to the process group), and children that die with their parent however it ends (the lifeline watchdog).
 */
export { freePort, isPortFree, stablePort } from './free-port';
export { findPortHolder } from './port-holder';
export { PortInUseError, ProcessError, type PortHolder, type ProcessErrorCode } from './process.error';
export { isProcessAlive, isProcessGroupAlive, signalProcessGroup, waitForProcessGroupExit } from './process-group';
export { ProcessSupervisor } from './process-supervisor';
export { DEFAULT_LOG_ROTATION, RotatingLogFile, type LogRotation } from './rotating-log-file';
export { answersHttp, pollUntil } from './ready-probe';
export { startChild, SupervisedChild, type ChildSpec, type ExitStatus } from './supervised-child';
export { onTerminationSignal, TERMINATION_SIGNALS, type TerminationSignal } from './termination-signals';
