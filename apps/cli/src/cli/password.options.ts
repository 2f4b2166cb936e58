import { Option, type Command } from 'commander';

/** Parsed password flags. `password` is false only when `--no-password` was given. */
export interface PasswordFlags {
  password?: boolean;
  passwordFile?: string;
}

/** `--password-file <file>`: used for encrypting new keys and unlocking encrypted ones (no prompt). */
export function addPasswordFileOption(command: Command): Command {
  return command.option('--password-file <file>', 'read the password from this file (first line; no prompt)');
}

/** `--no-password` (store the key unencrypted) plus `--password-file`, which contradict each other. */
export function addNewKeyPasswordOptions(command: Command, description: string): Command {
  return command
    .addOption(new Option('--no-password', description))
    .addOption(
      new Option(
        '--password-file <file>',
        'read the encryption password from this file (first line; no prompt)',
      ).conflicts('password'),
    );
}
