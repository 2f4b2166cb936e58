import type { Command } from 'commander';
import { Keypair, Wallet } from '@taonode/wallet';
import { runCliAction } from '../../cli/cli-output';
import type { CliDeps } from '../../cli/cli.deps';
import {
  addWalletLocationOptions,
  resolveWalletLocation,
  type WalletLocationFlags,
} from '../../cli/wallet-location.options';

interface VerifyFlags extends WalletLocationFlags {
  message: string;
  signature: string;
  address?: string;
  useHotkey?: boolean;
  json?: boolean;
}

/** Signer to check against: `--address` (SS58 of any prefix, or 0x public key), else the wallet's public key. */
async function signerOf(flags: VerifyFlags, deps: CliDeps): Promise<Keypair> {
  if (flags.address !== undefined) {
    return Keypair.fromPublicKey(flags.address);
  }
  const wallet = new Wallet(resolveWalletLocation(flags, deps.env));
  return flags.useHotkey === true ? wallet.getHotkeypub() : wallet.getColdkeypub();
}

/**
 * `taonode wallet verify`: checks an sr25519 signature (with btwallet's `<Bytes>` fallback).
 * Exit code 0 when it matches; 1 with an `error:` line when it does not.
 */
export function registerVerifyCommand(walletCommand: Command, deps: CliDeps): void {
  const command = walletCommand
    .command('verify')
    .description('verify a 0x signature of a message against an address, public key or the wallet');
  command
    .requiredOption('--message <text>', 'the signed message (0x… is taken as hex bytes)')
    .requiredOption('--signature <hex>', '0x-hex 64-byte signature')
    .option('--address <ss58|0xpubkey>', 'signer address or public key (default: the wallet coldkey)')
    .option('--use-hotkey', 'without --address: verify against the wallet hotkey');
  addWalletLocationOptions(command, { hotkey: true });
  command.option('--json', 'machine-readable output on stdout');
  command.action((flags: VerifyFlags) =>
    runCliAction(deps, flags.json === true, async (output) => {
      const signer = await signerOf(flags, deps);
      const isValid = signer.verify(flags.message, flags.signature);
      if (output.isJson) {
        output.json({ valid: isValid, ss58_address: signer.ss58Address });
      } else if (isValid) {
        output.line(`signature is valid for ${signer.ss58Address}`);
      }
      if (!isValid) {
        deps.stderr.write(`error: signature is not valid for ${signer.ss58Address}\n`);
        process.exitCode = 1;
      }
    }),
  );
}
