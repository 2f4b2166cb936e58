import { PassThrough } from 'node:stream';
import type { Command } from 'commander';
import type { CliDeps } from './cli.deps';
import { buildProgram } from './program';

function quietDeps(): CliDeps {
  return { env: {}, stdout: new PassThrough(), stderr: new PassThrough(), stdin: () => process.stdin };
}

/** Every runnable command with its path from the root, e.g. `wallet new-coldkey`. */
function leaves(command: Command, prefix: string[] = []): { path: string; command: Command }[] {
  if (command.commands.length === 0) {
    return [{ path: prefix.join(' '), command }];
  }
  return command.commands.flatMap((child) => leaves(child, [...prefix, child.name()]));
}

describe('btcli prompt habits', () => {
  const commands = leaves(buildProgram(quietDeps()));

  it('reaches every command of the tree (wallet, subnet, stake, axon, weights, devnet, start)', () => {
    const paths = commands.map((entry) => entry.path);
    expect(paths).toEqual(
      expect.arrayContaining(['wallet new-coldkey', 'wallet transfer', 'axon serve', 'devnet', 'start']),
    );
    expect(paths.length).toBeGreaterThanOrEqual(20);
  });

  it.each(['--no-prompt', '-y', '--yes', '--no_prompt'])('every command parses %s as a known option', (flag) => {
    for (const { path, command } of commands) {
      const { unknown } = command.parseOptions([flag]);
      expect({ path, unknown }).toEqual({ path, unknown: [] });
    }
  });

  it('keeps the aliases out of the help text', () => {
    for (const { command } of commands) {
      const help = command.helpInformation();
      expect(help).not.toContain('--yes');
      expect(help).not.toContain('--no_prompt');
    }
  });
});
