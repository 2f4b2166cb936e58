import { Option, type Command } from 'commander';
import type { CliDeps } from '../../cli/cli.deps';
import type { PasswordFlags } from '../../cli/password.options';
import { newKeyPassword } from '../../cli/password.source';

export interface HotkeyPasswordFlags extends PasswordFlags {
  usePassword?: boolean;
}

/** Hotkeys are plaintext like btcli's default; `--use-password` encrypts them like a coldkey. */
export function addHotkeyPasswordOptions(command: Command): Command {
  command.addOption(
    new Option('--use-password', 'encrypt the hotkey with a password (default: unencrypted, as btcli)'),
  );
  command.addOption(new Option('--no-password', 'store the hotkey unencrypted (the default)').conflicts('usePassword'));
  return command.addOption(
    new Option('--password-file <file>', 'encrypt the hotkey with the password in this file (first line)').conflicts(
      'password',
    ),
  );
}

/** null (plaintext) unless `--use-password` or `--password-file` asks for encryption. */
export async function hotkeyPassword(flags: HotkeyPasswordFlags, deps: CliDeps): Promise<string | null> {
  if (flags.usePassword !== true && flags.passwordFile === undefined) {
    return null;
  }
  return newKeyPassword({ passwordFile: flags.passwordFile }, deps, 'hotkey');
}
