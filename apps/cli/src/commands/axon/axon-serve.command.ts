import { Option, type Command } from 'commander';
import { serveAxon } from '@taonode/chain';
import { jsonSafe, runChainAction } from '../../cli/chain-action';
import { withChainSession } from '../../cli/chain-session';
import { CliUsageError } from '../../cli/cli-usage.error';
import type { CliDeps } from '../../cli/cli.deps';
import type { PasswordFlags } from '../../cli/password.options';
import { addWalletChainOptions, type WalletChainFlags } from '../../cli/wallet-chain.options';
import { unlockHotkey, walletFromFlags } from '../../cli/wallet-keys';
import { addNetuidOption, parseIndex } from '../subnet/netuid.option';

interface ServeFlags extends WalletChainFlags, PasswordFlags {
  netuid: number;
  'axon.external_ip'?: string;
  'axon.external_port'?: number;
  'axon.ip'?: string;
  'axon.port'?: number;
}

const DEFAULT_AXON_PORT = 8091;

/**
 * `taonode axon serve --netuid N --axon.external_ip IP --axon.external_port PORT`: announces the axon on chain
 * (`serve_axon`, signed by the hotkey), as the SDK's `axon.serve()` does. The chain refuses 127.0.0.1.
 */
export function registerAxonServeCommand(axon: Command, deps: CliDeps): void {
  const command = axon.command('serve').description("announce the hotkey's axon address on a subnet (serve_axon)");
  addNetuidOption(command);
  command
    .option('--axon.external_ip <ip>', 'public IP to announce [env AXON_EXTERNAL_IP]')
    .option(
      '--axon.external_port <port>',
      `public port to announce [env AXON_EXTERNAL_PORT; default --axon.port]`,
      parseIndex,
    )
    .addOption(new Option('--axon.ip <ip>', 'fallback for --axon.external_ip').hideHelp())
    .option('--axon.port <port>', `axon port [env AXON_PORT; default ${DEFAULT_AXON_PORT}]`, parseIndex);
  addWalletChainOptions(command, { password: true });
  command.action((flags: ServeFlags) =>
    runChainAction(deps, flags.json === true, async (output) => {
      const ip = flags['axon.external_ip'] ?? deps.env.AXON_EXTERNAL_IP ?? flags['axon.ip'];
      if (ip === undefined || ip === '') {
        throw new CliUsageError('pass --axon.external_ip <public ip> (the chain refuses 127.0.0.1)');
      }
      const port =
        flags['axon.external_port'] ??
        (deps.env.AXON_EXTERNAL_PORT ? Number(deps.env.AXON_EXTERNAL_PORT) : undefined) ??
        flags['axon.port'] ??
        (deps.env.AXON_PORT ? Number(deps.env.AXON_PORT) : DEFAULT_AXON_PORT);
      const wallet = walletFromFlags(flags, deps);
      const hotkey = await unlockHotkey(wallet, flags, deps);
      await withChainSession(flags, deps, async (session) => {
        const result = await session.progress(`Serving axon ${ip}:${port} on subnet ${flags.netuid}`, () =>
          serveAxon(session.client, session.submitter, hotkey, {
            netuid: flags.netuid,
            ip,
            port,
            waitFor: 'finalized',
          }),
        );
        if (output.isJson) {
          output.json(
            jsonSafe({
              netuid: flags.netuid,
              hotkey: hotkey.ss58Address,
              ip,
              port,
              skipped: result.skipped,
              block_hash: result.submission?.blockHash,
            }),
          );
          return;
        }
        if (result.skipped) {
          output.line(`Axon already served at ${ip}:${port} on subnet ${flags.netuid}: nothing to submit`);
          return;
        }
        output.line(`Served axon ${ip}:${port} on subnet ${flags.netuid} for hotkey ${hotkey.ss58Address}`);
        output.line(`Block Hash: ${result.submission?.blockHash ?? ''}`);
      });
    }),
  );
}
