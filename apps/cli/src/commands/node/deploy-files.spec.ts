import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { addNodeOptions, resolveNodeSettings, type NodeFlags } from './node-settings';

// The systemd units and the pm2 file in deploy/ must use the flags `taonode miner|validator` has today, keep
// secrets out of the command line, and stop the supervisor alone (it stops its services in order).
const DEPLOY = join(__dirname, '..', '..', '..', '..', '..', 'deploy');

/** The arguments of a unit's ExecStart after `bin/taonode.js` (line continuations joined). */
function execStartArgs(unit: string): string[] {
  const joined = unit.replace(/\\\n/gu, ' ');
  const line = /^ExecStart=\S+ bin\/taonode\.js (.+)$/mu.exec(joined)?.[1];
  if (line === undefined) {
    throw new Error('no ExecStart running bin/taonode.js');
  }
  return line.trim().split(/\s+/u);
}

function unitSetting(unit: string, key: string): string | undefined {
  return new RegExp(`^${key}=(.*)$`, 'mu').exec(unit)?.[1];
}

/** Parses `args` (role first) exactly as the CLI does and resolves the settings, with an empty environment. */
function parseNodeArgs(args: readonly string[]): { role: string; flags: NodeFlags } {
  const [role = '', ...rest] = args;
  const command = addNodeOptions(
    new Command(role).exitOverride().configureOutput({ writeErr: () => undefined, writeOut: () => undefined }),
  );
  command.parse([...rest], { from: 'user' });
  const flags = command.opts<NodeFlags>();
  resolveNodeSettings([role === 'miner' ? 'miner' : 'validator'], flags, {});
  return { role, flags };
}

const pm2Apps = jest.requireActual<{
  apps: { name: string; args: string[]; treekill?: boolean; kill_timeout?: number }[];
}>(join(DEPLOY, 'pm2', 'ecosystem.config.js')).apps;

describe('deploy files against the flags of taonode miner / validator', () => {
  it.each(['miner', 'validator'])('the systemd unit of the %s', (role) => {
    const unit = readFileSync(join(DEPLOY, 'systemd', `taonode-${role}.service`), 'utf8');
    const args = execStartArgs(unit);
    expect(args[0]).toBe(role);
    const { flags } = parseNodeArgs(args);
    expect(flags.netuid).toBeDefined();
    expect(flags['logging.logging_dir']).toBeDefined();
    expect(args.join(' ')).not.toMatch(/password|secret|redis:\/\/|mnemonic|seed/iu);
    expect(unitSetting(unit, 'KillSignal')).toBe('SIGTERM');
    // Only the supervisor gets SIGTERM; control-group would signal every service at once.
    expect(unitSetting(unit, 'KillMode')).toBe('mixed');
    expect(Number(unitSetting(unit, 'TimeoutStopSec'))).toBeGreaterThanOrEqual(120);
    expect(unitSetting(unit, 'Restart')).toBe('on-failure');
    expect(unitSetting(unit, 'RestartPreventExitStatus')).toBe('2');
    expect(unitSetting(unit, 'EnvironmentFile')).toBe(`-/etc/taonode/${role}.env`);
  });

  it('the pm2 ecosystem file', () => {
    expect(pm2Apps.map((app) => app.name)).toEqual(['taonode-miner', 'taonode-validator']);
    for (const app of pm2Apps) {
      parseNodeArgs(app.args);
      expect(app.args.join(' ')).not.toMatch(/password|secret|redis:\/\/|mnemonic|seed/iu);
      expect(app.treekill).toBe(false);
      expect(app.kill_timeout).toBeGreaterThanOrEqual(120_000);
    }
  });

  it('an unknown flag in a deploy file would fail the parse', () => {
    expect(() => parseNodeArgs(['miner', '--netuid', '1', '--axon.ip', '1.2.3.4'])).toThrow(/unknown option/u);
  });
});
