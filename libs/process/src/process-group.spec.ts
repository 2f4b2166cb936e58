import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runningMembersOf } from './process-group';

/** A /proc-shaped tree: one process with its threads' states, in process group `pgrp`. */
function addProcess(procRoot: string, pid: number, pgrp: number, threadStates: readonly string[]): void {
  const stat = (tid: number, state: string): string => `${tid} (node (worker)) ${state} 1 ${pgrp} ${pgrp} 0 -1\n`;
  mkdirSync(join(procRoot, String(pid), 'task'), { recursive: true });
  writeFileSync(join(procRoot, String(pid), 'stat'), stat(pid, threadStates[0] ?? 'Z'));
  threadStates.forEach((state, index) => {
    const tid = pid + index;
    mkdirSync(join(procRoot, String(pid), 'task', String(tid)));
    writeFileSync(join(procRoot, String(pid), 'task', String(tid), 'stat'), stat(tid, state));
  });
}

describe('runningMembersOf', () => {
  let procRoot: string;

  beforeEach(() => {
    procRoot = mkdtempSync(join(tmpdir(), 'taonode-proc-'));
  });

  afterEach(() => {
    rmSync(procRoot, { recursive: true, force: true });
  });

  it('counts a process whose main thread is a zombie while another thread still runs (it still holds its sockets)', () => {
    addProcess(procRoot, 4100, 4100, ['Z', 'R', 'Z']);
    expect(runningMembersOf(4100, procRoot)).toEqual([4100]);
  });

  it('leaves out a process all of whose threads have exited, and processes of other groups', () => {
    addProcess(procRoot, 4100, 4100, ['Z', 'X']);
    addProcess(procRoot, 4200, 4100, ['S', 'S']);
    addProcess(procRoot, 4300, 4300, ['R']);
    expect(runningMembersOf(4100, procRoot)).toEqual([4200]);
  });

  it('falls back to the main thread when the threads cannot be listed', () => {
    mkdirSync(join(procRoot, '4100'));
    writeFileSync(join(procRoot, '4100', 'stat'), '4100 (node) S 1 4100 4100 0 -1\n');
    mkdirSync(join(procRoot, '4200'));
    writeFileSync(join(procRoot, '4200', 'stat'), '4200 (node) Z 1 4100 4100 0 -1\n');
    expect(runningMembersOf(4100, procRoot)).toEqual([4100]);
  });
});
